using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.Testing;

/// <summary>
/// The client's clock in tests: reads the shared fake clock, and when the client waits a short while (back-off,
/// rate-limit bucket) moves that fake clock forward by the wait, so no test waits for real. Waits longer than
/// <paramref name="longestSkip"/> (the per-attempt timeout) are left for the test to reach with Advance.
/// </summary>
public sealed class SkippingClock(FakeTimeProvider fake, TimeSpan longestSkip) : TimeProvider
{
    private readonly Lock _lock = new();

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime <= longestSkip && period == Timeout.InfiniteTimeSpan)
        {
            var due = fake.GetUtcNow() + dueTime;
            ThreadPool.QueueUserWorkItem(_ =>
            {
                lock (_lock)
                {
                    var now = fake.GetUtcNow();
                    if (due > now)
                    {
                        fake.Advance(due - now);
                    }
                }
            });
        }

        return timer;
    }
}
