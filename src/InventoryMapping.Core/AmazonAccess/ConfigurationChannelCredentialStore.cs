using InventoryMapping.SpApi;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.AmazonAccess;

/// <summary>Channel credentials from configuration (local runs, tests). Environment variables, which cannot hold dashes in bash, may spell them as underscores.</summary>
public sealed class ConfigurationChannelCredentialStore(IConfiguration configuration) : IChannelCredentialStore
{
    public ValueTask<SpApiCredentials?> GetAsync(string channelId, CancellationToken cancellationToken)
    {
        string? Read(string credential) =>
            NonEmpty(configuration[ChannelCredentialNames.SettingName(channelId, credential)])
            ?? NonEmpty(configuration[ChannelCredentialNames.SettingName(channelId.Replace('-', '_'), credential)]);

        var clientId = Read(ChannelCredentialNames.ClientId);
        var clientSecret = Read(ChannelCredentialNames.ClientSecret);
        var refreshToken = Read(ChannelCredentialNames.RefreshToken);
        return ValueTask.FromResult(clientId is null || clientSecret is null || refreshToken is null
            ? null
            : new SpApiCredentials(clientId, clientSecret, refreshToken));
    }

    public string Describe(string channelId)
    {
        var prefix = ChannelCredentialNames.SettingName(channelId, "").Replace(":", "__", StringComparison.Ordinal);
        return $"set {prefix}{ChannelCredentialNames.ClientId}, {prefix}{ChannelCredentialNames.ClientSecret} and {prefix}{ChannelCredentialNames.RefreshToken}";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
