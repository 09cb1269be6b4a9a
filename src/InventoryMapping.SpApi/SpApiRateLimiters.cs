using System.Collections.Concurrent;

namespace InventoryMapping.SpApi;

/// <summary>One token bucket per operation and selling-partner/application pair, as Amazon meters them.</summary>
internal sealed class SpApiRateLimiters(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Operation, Uri Api, string ClientId, string RefreshToken), TokenBucket> _buckets = new();

    public TokenBucket For(SpApiOperation operation, SpApiEndpoint endpoint, SpApiCredentials credentials) =>
        _buckets.GetOrAdd(
            (operation.Name, endpoint.ApiBaseUri, credentials.ClientId, credentials.RefreshToken),
            static (_, state) => new TokenBucket(state.operation.RatePerSecond, state.operation.Burst, state.clock),
            (operation, clock));
}
