namespace InventoryMapping.Lifecycle;

/// <summary>Limits of <see cref="OperationLifecycle"/> (<c>Lifecycle</c> section), the same for every operation.</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Lifecycle";

    /// <summary>Transient failures in a row after which a request fails.</summary>
    public int MaxTransientFailures { get; set; } = 8;

    /// <summary>The wait after the first transient failure; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The wait after <paramref name="failures"/> failures in a row (≥ 1): <see cref="RetryBaseDelay"/> doubled each time, at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var delay = RetryBaseDelay * Math.Pow(2, Math.Min(Math.Max(failures, 1) - 1, 20));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
