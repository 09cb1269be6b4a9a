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
    };

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
    }
}
