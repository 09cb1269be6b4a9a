using InventoryMapping.Storage;
using InventoryMapping.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.Core.Tests.Storage;

public sealed class ConflictRetryTests
{
    private static readonly ConflictLimit s_three = new("test row", 3);

    [Fact]
    public async Task A_conflict_that_never_clears_gives_up_after_the_limit_naming_what_kept_changing()
    {
        var retry = new ConflictRetry(new SkippingClock(new FakeTimeProvider(), TimeSpan.FromMinutes(1)));
        var attempts = 0;
        var cause = new InvalidOperationException("412");

        var spent = await Assert.ThrowsAsync<ConflictRetriesExhaustedException>(() => retry.RunAsync(s_three, (_, _) =>
        {
            attempts++;
            return Task.FromResult(Attempt.Conflict<int>(cause));
        }, default));

        Assert.Equal(4, attempts); // the first attempt and three retries
        Assert.Equal(4, spent.Attempts);
        Assert.Same(s_three, spent.Limit);
        Assert.Same(cause, spent.InnerException);
        Assert.Contains("test row", spent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conflict_with_an_outcome_answers_that_outcome_when_the_retries_are_spent()
    {
        var retry = new ConflictRetry(new SkippingClock(new FakeTimeProvider(), TimeSpan.FromMinutes(1)));

        var outcome = await retry.RunAsync(s_three, (attempt, _) => Task.FromResult(Attempt.ConflictOr($"gave up at {attempt}")), default);

        Assert.Equal("gave up at 3", outcome);
    }

    [Fact]
    public async Task An_attempt_that_succeeds_after_conflicts_answers_its_value_and_knows_its_number()
    {
        var retry = new ConflictRetry(new SkippingClock(new FakeTimeProvider(), TimeSpan.FromMinutes(1)));

        var value = await retry.RunAsync(s_three, (attempt, _) => Task.FromResult(attempt < 2 ? Attempt.Conflict<int>() : Attempt.Done(attempt * 10)), default);

        Assert.Equal(20, value);
    }

    [Fact]
    public async Task One_limit_serves_callers_of_different_result_types()
    {
        var retry = new ConflictRetry(new SkippingClock(new FakeTimeProvider(), TimeSpan.FromMinutes(1)));

        var number = await retry.RunAsync(s_three, (_, _) => Task.FromResult(Attempt.Done(1)), default);
        var text = await retry.RunAsync(s_three, (_, _) => Task.FromResult(Attempt.Done("one")), default);

        Assert.Equal((1, "one"), (number, text));
    }

    [Fact]
    public async Task An_exception_is_not_retried()
    {
        var retry = new ConflictRetry(TimeProvider.System);
        var attempts = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => retry.RunAsync<int>(s_three, (_, _) =>
        {
            attempts++;
            throw new TimeoutException();
        }, default));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task The_first_retry_goes_at_once_and_later_ones_wait_on_the_given_clock()
    {
        var clock = new FakeTimeProvider();
        var retry = new ConflictRetry(clock);
        var attempts = 0;

        var run = retry.RunAsync(s_three, (_, _) => Task.FromResult(Interlocked.Increment(ref attempts) < 3 ? Attempt.Conflict<int>() : Attempt.Done(7)), default);

        await Eventually(() => Volatile.Read(ref attempts) == 2);
        Assert.False(run.IsCompleted); // the second retry waits for its back-off, on the fake clock
        await Eventually(() =>
        {
            clock.Advance(ConflictRetry.MaxDelay);
            return run.IsCompleted;
        });
        Assert.Equal(7, await run);
        Assert.Equal(3, attempts);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true within 10 s");
            await Task.Yield();
        }
    }
}
