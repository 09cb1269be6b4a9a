using Polly;
using Polly.Retry;

namespace InventoryMapping.Storage;

/// <summary>
/// The one retry-on-conflict mechanism. An attempt reads, decides and writes under an ETag, and answers
/// <see cref="Attempt.Done{T}"/> or <see cref="Attempt.Conflict{T}()"/>; a conflict runs it again — at once the first
/// time (it re-reads, and the conflict was usually one stale read), then after a jittered exponential back-off — at
/// most <see cref="ConflictLimit.MaxRetries"/> times. Spent retries give the conflict's own outcome, or throw
/// <see cref="ConflictRetriesExhaustedException"/>.
/// </summary>
/// <example><code>
/// var row = await retry.RunAsync(ConflictLimit.ChannelCounts, async (attempt, ct) =>
/// {
///     var row = await ReadAsync(ct);
///     Change(row);
///     return await table.TryWriteAsync(row, ct) == WriteOutcome.Written ? Attempt.Done(row) : Attempt.Conflict&lt;Row&gt;();
/// }, cancellationToken);
/// </code></example>
public sealed class ConflictRetry
{
    /// <summary>First back-off; later ones grow exponentially, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    private readonly TimeProvider _backOffClock;
    // One pipeline per limit and result type: two callers with one limit (the lifecycle's slot claim, for each kind of
    // request) have different result types.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ConflictLimit Limit, Type Result), object> _pipelines = new();

    /// <param name="backOffClock">
    /// The clock the back-off waits on. The app gives it the system clock: a back-off waits for other writers, in
    /// real time, whatever clock the app's own time logic runs on (tests fake that one).
    /// </param>
    public ConflictRetry(TimeProvider backOffClock) => _backOffClock = backOffClock;

    /// <summary>
    /// Runs <paramref name="attempt"/> (given its number, from 0) until it is done or <paramref name="limit"/> is spent.
    /// Exceptions are not retried.
    /// </summary>
    public async Task<T> RunAsync<T>(ConflictLimit limit, Func<int, CancellationToken, Task<Attempt<T>>> attempt, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var last = await Pipeline<T>(limit).ExecuteAsync(
            async ct => await attempt(attempts++, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        if (!last.IsConflict)
        {
            return last.Value;
        }

        return last.HasOutcomeWhenSpent ? last.Value : throw new ConflictRetriesExhaustedException(limit, attempts, last.Cause);
    }

    private ResiliencePipeline<Attempt<T>> Pipeline<T>(ConflictLimit limit) =>
        (ResiliencePipeline<Attempt<T>>)_pipelines.GetOrAdd((limit, typeof(T)), key => Build<T>(key.Limit, _backOffClock));

    private static ResiliencePipeline<Attempt<T>> Build<T>(ConflictLimit limit, TimeProvider clock) =>
        new ResiliencePipelineBuilder<Attempt<T>> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<Attempt<T>>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result.IsConflict),
                MaxRetryAttempts = limit.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxDelay,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.AttemptNumber == 0 ? TimeSpan.Zero : null),
            })
            .Build();
}
