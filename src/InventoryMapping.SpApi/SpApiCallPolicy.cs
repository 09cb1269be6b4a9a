namespace InventoryMapping.SpApi;

/// <summary>How a client's calls may wait: for retries of transient failures, and for the seller's rate allowance.</summary>
/// <param name="Retry">Retry 429/5xx/timeouts with back-off (<see cref="SpApiOptions.MaxRetryAttempts"/>); otherwise one attempt.</param>
/// <param name="MaxRateLimitWait">
/// The longest wait for a token of the operation's bucket; a longer one throws <see cref="SpApiRateLimitedException"/>
/// without sending, so one seller's spent allowance never holds up work for others.
/// </param>
public sealed record SpApiCallPolicy(bool Retry, TimeSpan MaxRateLimitWait)
{
    /// <summary>Retries, and waits for the allowance however long (tools, tests, a caller with nothing else to do).</summary>
    public static SpApiCallPolicy Patient { get; } = new(true, TimeSpan.MaxValue);

    /// <summary>Retries, but waits at most a few seconds for the allowance (timer runs that serve many sellers).</summary>
    public static SpApiCallPolicy Background { get; } = new(true, TimeSpan.FromSeconds(5));

    /// <summary>One attempt, no waiting for the allowance: someone is waiting for an HTTP answer.</summary>
    public static SpApiCallPolicy Interactive { get; } = new(false, TimeSpan.Zero);
}
