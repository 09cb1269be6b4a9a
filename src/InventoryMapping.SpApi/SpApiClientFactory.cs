namespace InventoryMapping.SpApi;

/// <summary>Hands out SP-API clients per seller; they share access tokens, rate-limit buckets and HTTP connections.</summary>
public sealed class SpApiClientFactory
{
    private readonly SpApiTransport _transport;

    internal SpApiClientFactory(SpApiTransport transport) => _transport = transport;

    public SpApiReportsClient CreateReportsClient(SpApiEndpoint endpoint, SpApiCredentials credentials) => new(endpoint, credentials, _transport);
}
