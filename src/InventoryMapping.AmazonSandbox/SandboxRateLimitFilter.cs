using System.Collections.Concurrent;

namespace InventoryMapping.AmazonSandbox;

/// <summary>Amazon's per seller-and-operation token buckets at the model's rates: an empty bucket answers 429 QuotaExceeded.</summary>
internal sealed class SandboxRateLimitFilter(SandboxControl control, SandboxRateLimitFilter.Buckets buckets) : IEndpointFilter
{
    private static readonly Dictionary<string, (double RatePerSecond, int Burst)> s_limits = new()
    {
        ["createReport"] = (0.0167, 15),
        ["getReports"] = (0.0222, 10),
        ["getReport"] = (2, 15),
        ["cancelReport"] = (0.0222, 10),
        ["getReportDocument"] = (0.0167, 15),
        ["createFeedDocument"] = (0.5, 15),
        ["createFeed"] = (0.0083, 15),
        ["getFeed"] = (2, 15),
        ["getFeeds"] = (0.0222, 10),
        ["cancelFeed"] = (2, 15),
        ["getFeedDocument"] = (0.0222, 10),
        ["patchListingsItem"] = (5, 5),
    };

    /// <summary>Amazon's limit of the feed type on top of createFeed's: 5 JSON_LISTINGS_FEED submissions per 5 minutes per region (since 2025-05-06).</summary>
    internal const string JsonListingsFeedSubmissions = "JSON_LISTINGS_FEED";

    private static readonly (double RatePerSecond, int Burst) s_jsonListingsFeedLimit = (5.0 / 300, 5);

    /// <summary>Takes a token of the seller's JSON_LISTINGS_FEED submissions (createFeed checks it for that feed type); false: 429.</summary>
    internal static bool TryTakeFeedSubmission(SandboxControl control, Buckets buckets, string sellerId)
    {
        if (!control.Options.EnforceRateLimits)
        {
            return true;
        }

        var bucket = buckets.All.GetOrAdd((sellerId, JsonListingsFeedSubmissions), _ => new Bucket(s_jsonListingsFeedLimit.RatePerSecond, s_jsonListingsFeedLimit.Burst, control.Clock));
        if (bucket.TryTake())
        {
            return true;
        }

        control.CountThrottled(JsonListingsFeedSubmissions);
        return false;
    }

    /// <summary>Empties every bucket of the seller, as an account that has used its allowance (benchmarks start from there).</summary>
    internal static void Drain(SandboxControl control, Buckets buckets, string sellerId)
    {
        foreach (var (operation, limit) in s_limits.Append(new(JsonListingsFeedSubmissions, s_jsonListingsFeedLimit)))
        {
            buckets.All.GetOrAdd((sellerId, operation), _ => new Bucket(limit.RatePerSecond, limit.Burst, control.Clock)).Drain();
        }
    }

    public static string? LimitHeader(string operation) =>
        s_limits.TryGetValue(operation, out var limit) ? limit.RatePerSecond.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var operation = SandboxFaultFilter.OperationOf(http);
        if (control.Options.EnforceRateLimits && s_limits.TryGetValue(operation, out var limit))
        {
            var bucket = buckets.All.GetOrAdd((SandboxAuthorizationFilter.SellerOf(http), operation), _ => new Bucket(limit.RatePerSecond, limit.Burst, control.Clock));
            if (!bucket.TryTake())
            {
                control.CountThrottled(operation);
                return SandboxResults.Errors(StatusCodes.Status429TooManyRequests, "QuotaExceeded", "You exceeded your quota for the requested resource.");
            }
        }

        return await next(context);
    }

    /// <summary>The buckets live as long as the sandbox (a singleton); the filter itself is created per request.</summary>
    internal sealed class Buckets
    {
        public ConcurrentDictionary<(string SellerId, string Operation), Bucket> All { get; } = new();
    }

    internal sealed class Bucket(double ratePerSecond, int burst, TimeProvider clock)
    {
        private readonly Lock _lock = new();
        private double _tokens = burst;
        private DateTimeOffset _at = clock.GetUtcNow();

        public bool TryTake()
        {
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                _tokens = Math.Min(burst, _tokens + ((now - _at).TotalSeconds * ratePerSecond));
                _at = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens -= 1;
                return true;
            }
        }

        public void Drain()
        {
            lock (_lock)
            {
                _tokens = 0;
                _at = clock.GetUtcNow();
            }
        }
    }
}
