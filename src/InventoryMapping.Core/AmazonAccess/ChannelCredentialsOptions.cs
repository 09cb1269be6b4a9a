namespace InventoryMapping.AmazonAccess;

/// <summary>
/// Where channel credentials come from (<c>ChannelCredentials</c> section). With <see cref="KeyVaultUri"/> set, Key
/// Vault secrets read with the app's identity (the section's <c>credential</c>/<c>clientId</c>, as for storage);
/// otherwise configuration, <c>ChannelCredentials:Channels:{channelId}:ClientId|ClientSecret|RefreshToken</c>.
/// </summary>
public sealed class ChannelCredentialsOptions
{
    public const string Section = "ChannelCredentials";

    public Uri? KeyVaultUri { get; set; }

    /// <summary>How long secrets read from Key Vault are reused before they are read again (a rotated token takes this long to arrive).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
