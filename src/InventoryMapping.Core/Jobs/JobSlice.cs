using System.Collections.Concurrent;
using System.Text.Json;
using InventoryMapping.Channels;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Jobs;

/// <summary>
/// One runner's slice of a job: <see cref="JobRunner.ShardParallelism"/> workers take the unfinished listing
/// partitions one by one and go through each page by page, checkpointing the job after every page.
/// </summary>
internal sealed class JobSlice(ListingStore listings, JobStore jobs, TimeProvider clock, JobEntity job, Channel channel, IListingJob kind, DateTimeOffset deadline)
{
    private readonly SemaphoreSlim _checkpoint = new(1, 1);
    private readonly List<PageDone> _unsaved = [];
    private readonly Dictionary<int, string> _cursors = JsonSerializer.Deserialize<Dictionary<int, string>>(job.ShardCursors) ?? [];
    private readonly ConcurrentQueue<int> _todo = new(Enumerable.Range(0, ListingShard.Count).Where(shard => (job.ShardsDone & Bit(shard)) == 0));
    private Exception? _failure;
    private volatile bool _stop;

    public bool LostLease { get; private set; }

    /// <summary>Every listing partition of the job is done.</summary>
    public bool IsJobDone => job.ShardsDone == AllShards;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var starts = new Dictionary<int, string>(_cursors);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, JobRunner.ShardParallelism).Select(async _ =>
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
                var page = await listings.ReadPartitionPageAsync(job.ChannelId, shard, kind.Selection(job), token, JobRunner.PageSize, cancellationToken);
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
                await jobs.WritePageReportAsync(job.JobId, job.Pages, page.Outcome.Reported, cancellationToken);
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
        job.LeaseUntil = clock.GetUtcNow() + JobRunner.Lease;
        if (!await jobs.TrySaveAsync(job, cancellationToken))
        {
            LostLease = true;
            _stop = true;
            return false;
        }

        _stop |= clock.GetUtcNow() >= deadline;
        return true;
    }

    private sealed record PageDone(int Shard, int Processed, JobPageOutcome Outcome, string? Next, TaskCompletionSource<bool> Saved);

    private const long AllShards = ListingShard.Count == 64 ? -1L : (1L << ListingShard.Count) - 1;

    private static long Bit(int shard) => 1L << shard;

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
}
