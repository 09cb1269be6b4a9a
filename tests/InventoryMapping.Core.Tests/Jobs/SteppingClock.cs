using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.Core.Tests.Jobs;

/// <summary>A clock that moves on by <paramref name="step"/> every time it is read, so a job's time slice ends after a few pages.</summary>
internal sealed class SteppingClock(FakeTimeProvider fake, TimeSpan step) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        fake.Advance(step);
        return fake.GetUtcNow();
    }
}
