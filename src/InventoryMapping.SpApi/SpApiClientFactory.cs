namespace InventoryMapping.SpApi;

/// <summary>Hands out SP-API clients per seller; they share access tokens, rate-limit buckets and HTTP connections.</summary>
public sealed class SpApiClientFactory
{
    private readonly SpApiTransport _transport;

    internal SpApiClientFactory(SpApiTransport transport) => _transport = transport;

    /// <param name="policy">How its calls may wait; <see cref="SpApiCallPolicy.Patient"/> when not given.</param>
    public SpApiReportsClient CreateReportsClient(SpApiEndpoint endpoint, SpApiCredentials credentials, SpApiCallPolicy? policy = null) =>
        new(endpoint, credentials, _transport, policy ?? SpApiCallPolicy.Patient);

    /// <inheritdoc cref="CreateReportsClient"/>
    public SpApiFeedsClient CreateFeedsClient(SpApiEndpoint endpoint, SpApiCredentials credentials, SpApiCallPolicy? policy = null) =>
        new(endpoint, credentials, _transport, policy ?? SpApiCallPolicy.Patient);

    /// <inheritdoc cref="CreateReportsClient"/>
    public SpApiListingsClient CreateListingsClient(SpApiEndpoint endpoint, SpApiCredentials credentials, SpApiCallPolicy? policy = null) =>
        new(endpoint, credentials, _transport, policy ?? SpApiCallPolicy.Patient);
}
