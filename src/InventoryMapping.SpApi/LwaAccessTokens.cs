using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace InventoryMapping.SpApi;

/// <summary>Exchanges refresh tokens for LWA access tokens and keeps each until shortly before it expires.</summary>
internal sealed class LwaAccessTokens(
    IHttpClientFactory httpClients,
    SpApiResilience resilience,
    IOptions<SpApiOptions> options,
    TimeProvider clock)
{
    private readonly ConcurrentDictionary<(Uri TokenUri, SpApiCredentials Credentials), Slot> _slots = new();

    public async ValueTask<string> GetAsync(SpApiEndpoint endpoint, SpApiCredentials credentials, SpApiCallPolicy policy, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd((endpoint.TokenUri, credentials), static _ => new Slot());
        if (slot.Current is { } fresh && clock.GetUtcNow() < fresh.RenewAt)
        {
            return fresh.AccessToken;
        }

        // One exchange per credentials at a time: concurrent callers wait for it instead of each asking LWA.
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.Current is { } renewed && clock.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.AccessToken;
            }

            slot.Current = await ExchangeAsync(endpoint.TokenUri, credentials, policy, cancellationToken).ConfigureAwait(false);
            return slot.Current.AccessToken;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Amazon refused the token (403): take a new one next time rather than reuse it for its remaining life.</summary>
    public void Forget(SpApiEndpoint endpoint, SpApiCredentials credentials)
    {
        if (_slots.TryGetValue((endpoint.TokenUri, credentials), out var slot))
        {
            slot.Current = null;
        }
    }

    private async Task<CachedToken> ExchangeAsync(Uri tokenUri, SpApiCredentials credentials, SpApiCallPolicy policy, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(SpApiTransport.HttpClientName);
        using var response = await resilience.ExecuteAsync(
            "lwaToken",
            async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri)
                {
                    Content = new FormUrlEncodedContent(
                    [
                        new("grant_type", "refresh_token"),
                        new("refresh_token", credentials.RefreshToken),
                        new("client_id", credentials.ClientId),
                        new("client_secret", credentials.ClientSecret),
                    ]),
                };
                return await resilience.WithinAttemptTimeoutAsync(http, request, ct).ConfigureAwait(false);
            },
            cancellationToken,
            policy.Retry).ConfigureAwait(false);

        LwaTokenResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<LwaTokenResponse>(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        if (SpApiResilience.IsTransient(response.StatusCode) || (response.IsSuccessStatusCode && string.IsNullOrEmpty(body?.AccessToken)))
        {
            // LWA is down or answered nonsense: an outage, not a verdict on the credentials.
            throw new SpApiException(
                "lwaToken",
                response.StatusCode,
                new SpApiError(body?.Error ?? response.StatusCode.ToString(), body?.ErrorDescription ?? "Login with Amazon did not issue a token."));
        }

        if (!response.IsSuccessStatusCode && body?.Error is not ("invalid_grant" or "invalid_client" or "unauthorized_client"))
        {
            throw new SpApiException(
                "lwaToken",
                response.StatusCode,
                new SpApiError(body?.Error ?? response.StatusCode.ToString(), body?.ErrorDescription ?? $"Login with Amazon answered {(int)response.StatusCode}."));
        }

        if (!response.IsSuccessStatusCode || body?.AccessToken is not { Length: > 0 })
        {
            throw new SpApiAuthorizationException(
                body?.Error ?? $"http_{(int)response.StatusCode}",
                body?.ErrorDescription,
                credentials.ClientId);
        }

        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn ?? 3600);
        var margin = options.Value.AccessTokenRefreshMargin;
        var renewAt = clock.GetUtcNow() + (lifetime > margin * 2 ? lifetime - margin : lifetime / 2);
        return new CachedToken(body.AccessToken, renewAt);
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RenewAt);

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile CachedToken? Current;
    }
}
