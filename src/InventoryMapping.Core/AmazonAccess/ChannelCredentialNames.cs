namespace InventoryMapping.AmazonAccess;

/// <summary>
/// The names a channel's three credentials go by. Every valid channel id (lowercase letters, digits and dashes,
/// up to 40) maps to names that Key Vault accepts (letters, digits and dashes, up to 127) and to no other id's:
/// the fixed suffix tells which credential a name is, so the rest is the channel id itself.
/// </summary>
public static class ChannelCredentialNames
{
    public const string ClientId = "ClientId";
    public const string ClientSecret = "ClientSecret";
    public const string RefreshToken = "RefreshToken";

    public static IReadOnlyList<string> All { get; } = [ClientId, ClientSecret, RefreshToken];

    /// <summary>Key Vault secret name, e.g. <c>SpApi--de-shop--RefreshToken</c>.</summary>
    public static string SecretName(string channelId, string credential) => $"SpApi--{channelId}--{credential}";

    /// <summary>Configuration key, e.g. <c>ChannelCredentials:Channels:de-shop:RefreshToken</c>.</summary>
    public static string SettingName(string channelId, string credential) =>
        $"{ChannelCredentialsOptions.Section}:Channels:{channelId}:{credential}";
}
