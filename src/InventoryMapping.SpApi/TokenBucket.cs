namespace InventoryMapping.SpApi;

/// <summary>
/// Client-side copy of Amazon's token bucket, so we wait instead of collecting 429s.
/// Hand-written rather than System.Threading.RateLimiting's TokenBucketRateLimiter because that one replenishes
/// on a real-time timer and cannot be driven by a <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TokenBucket(double tokensPerSecond, int burst, TimeProvider clock)
{
    // Waiting a little longer than the arithmetic says keeps us behind Amazon's bucket despite rounding and clock drift.
    private const double WaitMargin = 1.05;

    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _refilledAt = clock.GetTimestamp();

    /// <summary>
    /// Takes a token, waiting for it when the bucket is empty, unless the wait would be longer than
    /// <paramref name="maxWait"/>: then nothing is taken and <see cref="SpApiRateLimitedException"/> says when to come back.
    /// Waiters queue in arrival order by reserving tokens ahead.
    /// </summary>
    public async ValueTask TakeAsync(string operation, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            Refill();
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return;
            }

            wait = TimeSpan.FromSeconds((1 - _tokens) / tokensPerSecond * WaitMargin);
            if (wait > maxWait)
            {
                throw new SpApiRateLimitedException(operation, wait);
            }

            _tokens -= 1;
        }

        try
        {
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                _tokens += 1;
            }

            throw;
        }
    }

    /// <summary>Amazon said 429: its bucket is empty whatever ours believes.</summary>
    public void Drain()
    {
        lock (_lock)
        {
            Refill();
            _tokens = Math.Min(_tokens, 0);
        }
    }

    private void Refill()
    {
        var now = clock.GetTimestamp();
        var elapsed = clock.GetElapsedTime(_refilledAt, now);
        _refilledAt = now;
        _tokens = Math.Min(burst, _tokens + (elapsed.TotalSeconds * tokensPerSecond));
    }
}
