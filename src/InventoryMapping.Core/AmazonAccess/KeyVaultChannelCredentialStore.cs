using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;
using InventoryMapping.SpApi;
using Microsoft.Extensions.Options;

namespace InventoryMapping.AmazonAccess;

/// <summary>
/// Channel credentials from Key Vault secrets (<see cref="ChannelCredentialNames.SecretName"/>), read with the app's
/// managed identity and kept for <see cref="ChannelCredentialsOptions.CacheDuration"/>. The values stay in memory only.
/// </summary>
public sealed class KeyVaultChannelCredentialStore(SecretClient secrets, IOptions<ChannelCredentialsOptions> options, TimeProvider clock) : IChannelCredentialStore
{
    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);

    public async ValueTask<SpApiCredentials?> GetAsync(string channelId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(channelId, out var cached) && now < cached.Until)
        {
            return cached.Credentials;
        }

        var values = await Task.WhenAll(ChannelCredentialNames.All.Select(c => ReadAsync(ChannelCredentialNames.SecretName(channelId, c), cancellationToken))).ConfigureAwait(false);
        var credentials = values.Any(v => v is null) ? null : new SpApiCredentials(values[0]!, values[1]!, values[2]!);
        _cache[channelId] = new Cached(credentials, now + options.Value.CacheDuration);
        return credentials;
    }

    public string Describe(string channelId) =>
        $"set the Key Vault secrets {string.Join(", ", ChannelCredentialNames.All.Select(c => ChannelCredentialNames.SecretName(channelId, c)))}";

    private async Task<string?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await secrets.GetSecretAsync(name, null, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(secret.Value.Value) ? null : secret.Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private sealed record Cached(SpApiCredentials? Credentials, DateTimeOffset Until);
}
