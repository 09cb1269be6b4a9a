using InventoryMapping.Channels;
using InventoryMapping.SpApi;
using Microsoft.Extensions.Options;

namespace InventoryMapping.AmazonAccess;

/// <summary>
/// Builds a channel's SP-API client: its region's endpoint from <see cref="SpApiOptions"/> and its credentials from
/// the <see cref="IChannelCredentialStore"/>. Secrets pass through here and nowhere else; they are never stored in
/// tables and never logged (<see cref="SpApiCredentials.ToString"/> hides them).
/// </summary>
public sealed class SpApiConnections(IChannelCredentialStore credentials, IOptions<SpApiOptions> options, SpApiClientFactory clients)
{
    /// <param name="policy">How the client's calls may wait; <see cref="SpApiCallPolicy.Patient"/> when not given.</param>
    public Task<Result<SpApiReportsClient>> CreateReportsClientAsync(Channel channel, CancellationToken cancellationToken, SpApiCallPolicy? policy = null) =>
        CreateAsync(channel, (endpoint, secrets) => clients.CreateReportsClient(endpoint, secrets, policy), cancellationToken);

    /// <inheritdoc cref="CreateReportsClientAsync"/>
    public Task<Result<SpApiFeedsClient>> CreateFeedsClientAsync(Channel channel, CancellationToken cancellationToken, SpApiCallPolicy? policy = null) =>
        CreateAsync(channel, (endpoint, secrets) => clients.CreateFeedsClient(endpoint, secrets, policy), cancellationToken);

    /// <inheritdoc cref="CreateReportsClientAsync"/>
    public Task<Result<SpApiListingsClient>> CreateListingsClientAsync(Channel channel, CancellationToken cancellationToken, SpApiCallPolicy? policy = null) =>
        CreateAsync(channel, (endpoint, secrets) => clients.CreateListingsClient(endpoint, secrets, policy), cancellationToken);

    private async Task<Result<T>> CreateAsync<T>(Channel channel, Func<SpApiEndpoint, SpApiCredentials, T> create, CancellationToken cancellationToken)
    {
        if (await credentials.GetAsync(channel.ChannelId, cancellationToken) is not { } secrets)
        {
            return DomainError.Invalid(
                "credentials",
                $"The channel's SP-API credentials are not configured: {credentials.Describe(channel.ChannelId)}.");
        }

        return create(options.Value.EndpointFor(channel.Region.ToString()), secrets);
    }
}
