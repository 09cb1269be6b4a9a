using InventoryMapping.SpApi;

namespace InventoryMapping.AmazonAccess;

/// <summary>
/// A channel's SP-API credentials by channel id: configuration locally and in tests, Key Vault secrets in Azure.
/// Read when a client is built, so a channel added through the API needs its secrets set, not a redeploy.
/// </summary>
public interface IChannelCredentialStore
{
    /// <summary>The channel's credentials, or null when some of them are not set.</summary>
    ValueTask<SpApiCredentials?> GetAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>Where an operator puts the channel's credentials, for the failure reason when they are missing (names only, never values).</summary>
    string Describe(string channelId);
}
