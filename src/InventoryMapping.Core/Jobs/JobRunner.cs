using System.Collections.Concurrent;
using System.Text.Json;
using InventoryMapping.Channels;
using InventoryMapping.Listings;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.Jobs;

/// <summary>
/// Works on a job for a bounded slice of time, listing partitions in parallel, checkpointing after every page; then
/// hands the rest to a new queue message. A process killed at any point leaves the last checkpoint (each partition's
/// cursor), and the message's next delivery goes on from it.
/// </summary>
public sealed partial class JobRunner
{
    private readonly JobStore _jobs;
    private readonly JobService _service;
    private readonly ChannelStore _channels;
    private readonly ListingStore _listings;
    private readonly IReadOnlyList<IListingJob> _kinds;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobRunner> _logger;

    // Internal: the job kinds are internal types, so DI builds this through a factory.
    internal JobRunner(
        JobStore jobs, JobService service, ChannelStore channels, ListingStore listings, IEnumerable<IListingJob> kinds, TimeProvider clock, ILogger<JobRunner> logger)
    {
        _jobs = jobs;
        _service = service;
        _channels = channels;
        _listings = listings;
        _kinds = kinds.ToList();
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Listings per page: one storage request, within one listing partition.</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// Listing partitions worked on at once. A partition's writes go one transaction after another (they share its
    /// count row), so throughput comes from partitions in parallel, as many as a bulk listing write keeps in flight.
    /// </summary>
    public const int ShardParallelism = 16;

    /// <summary>How long one invocation works before it hands over (well inside any function timeout).</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMinutes(4);

    /// <summary>How long a runner holds a job between checkpoints; a crashed runner's job is free again after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Failed attempts after which a job is marked failed rather than tried again.</summary>
    public const int MaxFailedAttempts = 5;

    public async Task RunAsync(JobMessage message, CancellationToken cancellationToken)
    {
        var job = await _jobs.GetEntityAsync(message.JobId, cancellationToken);
        if (job is null || job.IsFinished)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        if (job.LeaseUntil is { } until && until > now)
        {
            // Another runner holds it. Look again when the lease ends, in case that runner died.
            await _service.EnqueueAsync(job.JobId, until - now + TimeSpan.FromSeconds(1), cancellationToken);
            return;
        }

        job.Status = nameof(JobStatus.Running);
        job.StartedAt ??= now;
        job.LeaseUntil = now + Lease;
        if (!await _jobs.TrySaveAsync(job, cancellationToken))
        {
            return; // someone else took it between our read and write
        }

        if (await _channels.GetAsync(job.ChannelId, cancellationToken) is not { } channel)
        {
            await FinishAsync(job, JobStatus.Failed, $"Channel '{job.ChannelId}' no longer exists.", cancellationToken);
            return;
        }

        try
        {
            await WorkAsync(job, channel, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Record the failure on the checkpoint and free the job; the queue delivers the message again, and a
            // job that keeps failing stops as failed instead of running for ever.
            var latest = await _jobs.GetEntityAsync(job.JobId, cancellationToken);
            if (latest is null || latest.IsFinished)
            {
                throw;
            }

            latest.FailedAttempts++;
            latest.Error = e.Message;
            latest.LeaseUntil = null;
            if (latest.FailedAttempts >= MaxFailedAttempts)
            {
                await FinishAsync(latest, JobStatus.Failed, $"Gave up after {latest.FailedAttempts} failed attempts: {e.Message}", cancellationToken);
                LogGaveUp(_logger, job.JobId, e);
                return;
            }

            await _jobs.TrySaveAsync(latest, cancellationToken);
            throw;
        }
    }

    private async Task WorkAsync(JobEntity job, Channel channel, CancellationToken cancellationToken)
    {
        var kind = _kinds.Single(k => k.Kind.ToString() == job.Kind);
        var work = new PartitionWork(this, job, channel, kind, _clock.GetUtcNow() + Slice);
        await work.RunAsync(cancellationToken);
        if (work.LostLease)
        {
            LogLostLease(_logger, job.JobId);
            return;
        }

        if (job.ShardsDone == AllShards)
        {
            await FinishAsync(job, JobStatus.Succeeded, null, cancellationToken);
            LogFinished(_logger, job.JobId, job.Kind, job.Done, job.Counts);
            return;
        }

        // The slice is over: free the job and hand the rest to a new message.
        job.LeaseUntil = null;
        if (await _jobs.TrySaveAsync(job, cancellationToken))
        {
            await _service.EnqueueAsync(job.JobId, TimeSpan.Zero, cancellationToken);
        }
    }

    private const long AllShards = ListingShard.Count == 64 ? -1L : (1L << ListingShard.Count) - 1;

    /// <summary>
    /// One slice of a job: <see cref="ShardParallelism"/> workers take the unfinished listing partitions one by one
    /// and go through each page by page, checkpointing the job (one at a time) after every page.
    /// </summary>
    private sealed class PartitionWork(JobRunner runner, JobEntity job, Channel channel, IListingJob kind, DateTimeOffset deadline)
    {
        private readonly SemaphoreSlim _checkpoint = new(1, 1);
        private readonly List<PageDone> _unsaved = [];
        private readonly Dictionary<int, string> _cursors = JsonSerializer.Deserialize<Dictionary<int, string>>(job.ShardCursors) ?? [];
        private readonly ConcurrentQueue<int> _todo = new(Enumerable.Range(0, ListingShard.Count).Where(shard => (job.ShardsDone & Bit(shard)) == 0));
        private Exception? _failure;
        private volatile bool _stop;

        public bool LostLease { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var starts = new Dictionary<int, string>(_cursors);
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAll(Enumerable.Range(0, ShardParallelism).Select(async _ =>
            {
                try
                {
                    await WorkerAsync(starts, failed.Token);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // The first failure stops the other workers; it is what the job records.
                    Interlocked.CompareExchange(ref _failure, e, null);
                    await failed.CancelAsync();
                }
            }));

            if (_failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
            }
        }

        private async Task WorkerAsync(IReadOnlyDictionary<int, string> starts, CancellationToken cancellationToken)
        {
            var pass = kind.Start(job, channel);
            while (!_stop && _todo.TryDequeue(out var shard))
            {
                var token = starts.GetValueOrDefault(shard);
                var (processed, outcome) = (0, JobPageOutcome.None);
                do
                {
                    var page = await runner._listings.ReadPartitionPageAsync(job.ChannelId, shard, kind.Selection(job), token, PageSize, cancellationToken);
                    (processed, outcome) = (processed + page.Values.Count, outcome.Plus(await pass.ProcessAsync(page.Values, cancellationToken)));
                    token = page.ContinuationToken;

                    // A dry run writes nothing to redo from: it checkpoints whole partitions, so that a pass sees every
                    // page of a partition and can tell which SKUs it would already have created (see CreateAll).
                    if (job.DryRun && token is not null)
                    {
                        continue;
                    }

                    if (!await CheckpointAsync(shard, processed, outcome, token, cancellationToken))
                    {
                        return;
                    }

                    (processed, outcome) = (0, JobPageOutcome.None);
                }
                while (token is not null);
            }
        }

        /// <summary>
        /// Records a processed page; false when this slice should stop (lease lost or time up). Checkpoints are saved
        /// one at a time, and a save takes every page recorded while the previous one was under way (group commit):
        /// sixteen workers would otherwise queue behind one job row, one write per page.
        /// </summary>
        private async Task<bool> CheckpointAsync(int shard, int processed, JobPageOutcome outcome, string? next, CancellationToken cancellationToken)
        {
            var mine = new PageDone(shard, processed, outcome, next, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
            lock (_unsaved)
            {
                _unsaved.Add(mine);
            }

            await _checkpoint.WaitAsync(cancellationToken);
            try
            {
                if (!mine.Saved.Task.IsCompleted)
                {
                    await SaveUnsavedAsync(cancellationToken);
                }
            }
            finally
            {
                _checkpoint.Release();
            }

            return await mine.Saved.Task && !_stop;
        }

        private async Task SaveUnsavedAsync(CancellationToken cancellationToken)
        {
            List<PageDone> batch;
            lock (_unsaved)
            {
                batch = [.. _unsaved];
                _unsaved.Clear();
            }

            try
            {
                var saved = !LostLease && await SaveAsync(batch, cancellationToken);
                batch.ForEach(page => page.Saved.SetResult(saved));
            }
            catch (Exception e)
            {
                batch.ForEach(page => page.Saved.SetException(e));
            }
        }

        private async Task<bool> SaveAsync(IReadOnlyList<PageDone> batch, CancellationToken cancellationToken)
        {
            foreach (var page in batch)
            {
                if (page.Outcome.Reported.Count > 0)
                {
                    await runner._jobs.WritePageReportAsync(job.JobId, job.Pages, page.Outcome.Reported, cancellationToken);
                }

                Record(job, page.Processed, page.Outcome);
                if (page.Next is null)
                {
                    job.ShardsDone |= Bit(page.Shard);
                    _cursors.Remove(page.Shard);
                }
                else
                {
                    _cursors[page.Shard] = page.Next;
                }
            }

            job.ShardCursors = JsonSerializer.Serialize(_cursors);
            job.LeaseUntil = runner._clock.GetUtcNow() + Lease;
            if (!await runner._jobs.TrySaveAsync(job, cancellationToken))
            {
                LostLease = true;
                _stop = true;
                return false;
            }

            _stop |= runner._clock.GetUtcNow() >= deadline;
            return true;
        }

        private sealed record PageDone(int Shard, int Processed, JobPageOutcome Outcome, string? Next, TaskCompletionSource<bool> Saved);

        private static long Bit(int shard) => 1L << shard;
    }

    private static void Record(JobEntity job, int processed, JobPageOutcome outcome)
    {
        var counts = job.CountsMap();
        foreach (var (name, value) in outcome.Counts)
        {
            counts[name] = counts.GetValueOrDefault(name) + value;
        }

        var sample = JsonSerializer.Deserialize<List<ReportedListing>>(job.ReportedSample) ?? [];
        sample.AddRange(outcome.Reported.Take(JobEntity.ReportedSampleSize - sample.Count));
        job.Counts = JsonSerializer.Serialize(counts);
        job.ReportedSample = JsonSerializer.Serialize(sample);
        job.ReportedCount += outcome.Reported.Count;
        job.Done += processed;
        job.Pages++;
    }

    private async Task FinishAsync(JobEntity job, JobStatus status, string? error, CancellationToken cancellationToken)
    {
        job.Status = status.ToString();
        job.Error = error;
        job.FinishedAt = _clock.GetUtcNow();
        job.LeaseUntil = null;
        job.Total = Math.Max(job.Total, job.Done);
        await _jobs.TrySaveAsync(job, cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Job {JobId} ({Kind}) finished: {Done} listings, {Counts}")]
    private static partial void LogFinished(ILogger logger, string jobId, string kind, long done, string counts);

    [LoggerMessage(LogLevel.Error, "Job {JobId} failed for good")]
    private static partial void LogGaveUp(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: another runner saved the job; this one stops")]
    private static partial void LogLostLease(ILogger logger, string jobId);
}
