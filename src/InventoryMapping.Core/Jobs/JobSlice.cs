using System.Collections.Concurrent;
using System.Text.Json;
using InventoryMapping.Channels;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>
/// One runner's slice of a job: <paramref name="workers"/> workers take the unfinished parts of the job's
/// work source one by one and go through each page by page, checkpointing the job after every page. The
/// checkpoint also renews the lease; a heartbeat renews it when no page has finished for a while.
/// </summary>
internal sealed class JobSlice(JobStore jobs, TimeProvider clock, JobEntity job, Channel? channel, IJobKind kind, int workers, DateTimeOffset deadline)
{
    private readonly Dictionary<int, string> _cursors = JsonSerializer.Deserialize<Dictionary<int, string>>(job.PartCursors) ?? [];
    private readonly long _allParts = Mask(kind.PartCount(job));
    private readonly CancellationTokenSource _fence = new();
    private GroupCommit<PageDone?, bool>? _checkpoints;
    private Exception? _failure;
    private volatile bool _stop;

    public bool LostLease { get; private set; }

    /// <summary>Every part of the job's work source is done.</summary>
    public bool IsJobDone => (job.PartsDone & _allParts) == _allParts;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var starts = new Dictionary<int, string>(_cursors);
        var todo = new ConcurrentQueue<int>(Enumerable.Range(0, kind.PartCount(job)).Where(part => (job.PartsDone & Bit(part)) == 0));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _fence.Token);
        _checkpoints = new GroupCommit<PageDone?, bool>((pages, ct) => SaveAsync([.. pages.OfType<PageDone>()], ct), failed.Token);
        using var working = CancellationTokenSource.CreateLinkedTokenSource(failed.Token);
        var heartbeat = HeartbeatAsync(working.Token);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            try
            {
                await WorkerAsync(todo, starts, failed.Token);
            }
            catch (OperationCanceledException) when (_fence.IsCancellationRequested)
            {
                // Fenced off: the lease is lost, the job someone else's.
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The first failure stops the other workers; it is what the job records.
                Interlocked.CompareExchange(ref _failure, e, null);
                await failed.CancelAsync();
            }
        }));
        await working.CancelAsync();
        await heartbeat;

        if (_failure is not null && !LostLease)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }
    }

    private async Task WorkerAsync(ConcurrentQueue<int> todo, IReadOnlyDictionary<int, string> starts, CancellationToken cancellationToken)
    {
        var pass = kind.Start(job, channel);
        while (!_stop && todo.TryDequeue(out var part))
        {
            var cursor = starts.GetValueOrDefault(part);
            var done = PageDone.None(part);
            do
            {
                var page = await pass.ProcessAsync(part, cursor, cancellationToken);
                done = done.Plus(page);
                cursor = page.Next;

                // A dry run writes nothing to redo from: it checkpoints whole parts, so that a pass sees every page
                // of a part and can tell what it would already have done (see CreateAll).
                if (job.DryRun && kind.DryRunReadsWholeParts && cursor is not null)
                {
                    continue;
                }

                if (!await CheckpointAsync(done, cancellationToken))
                {
                    return;
                }

                done = PageDone.None(part);
            }
            while (cursor is not null);
        }
    }

    /// <summary>
    /// Renews the lease while no checkpoint does, so a slow page does not look like a dead runner; and fences this
    /// runner off when its lease ran out unrenewed (storage too slow to save in time): another runner may hold the
    /// job by now, and two runners' workers on one job would only slow storage further.
    /// </summary>
    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!_stop)
            {
                await Task.Delay(JobRunner.Heartbeat, clock, cancellationToken);
                if (job.LeaseUntil is { } until && clock.GetUtcNow() >= until)
                {
                    FenceOff();
                    return;
                }

                if (job.HeartbeatAt is not { } last || clock.GetUtcNow() - last >= JobRunner.Heartbeat)
                {
                    await CheckpointAsync(null, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The workers are done.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A renewal that fails is what the workers' next checkpoint meets too; they report it.
        }
    }

    /// <summary>
    /// Records a processed page (or, with null, only renews the lease); false when this slice should stop (lease
    /// lost or time up). Saves go through one group commit: a save takes every page recorded while the previous one
    /// was under way, since sixteen workers would otherwise queue behind one job row.
    /// </summary>
    private async Task<bool> CheckpointAsync(PageDone? page, CancellationToken cancellationToken) =>
        await _checkpoints!.CommitAsync(page, cancellationToken) && !_stop;

    private async Task<bool> SaveAsync(IReadOnlyList<PageDone> batch, CancellationToken cancellationToken)
    {
        if (LostLease)
        {
            return false;
        }

        var results = new List<object>();
        var sample = job.Sample();
        foreach (var page in batch)
        {
            if (page.Reported.Count > 0)
            {
                await jobs.WritePageReportAsync(job.JobId, job.Pages, page.Reported, cancellationToken);
            }

            results.AddRange(page.Results);
            sample.AddRange(page.Reported.Take(JobEntity.ReportedSampleSize - sample.Count));
            job.ReportedCount += page.Reported.Count;
            job.Done += page.Processed;
            job.Pages++;
            if (page.Next is null)
            {
                job.PartsDone |= Bit(page.Part);
                _cursors.Remove(page.Part);
            }
            else
            {
                _cursors[page.Part] = page.Next;
            }
        }

        if (results.Count > 0)
        {
            job.Result = kind.AddResults(job.Result, results);
        }

        job.ReportedSample = JsonSerializer.Serialize(sample);
        job.PartCursors = JsonSerializer.Serialize(_cursors);
        var now = clock.GetUtcNow();
        job.LeaseUntil = now + JobRunner.Lease;
        job.HeartbeatAt = now;
        if (!await jobs.TrySaveAsync(job, cancellationToken))
        {
            FenceOff();
            return false;
        }

        _stop |= clock.GetUtcNow() >= deadline;
        return true;
    }

    /// <summary>Stops this slice at once: its workers' pages in flight are cancelled, nothing more is saved.</summary>
    private void FenceOff()
    {
        LostLease = true;
        _stop = true;
        _fence.Cancel();
    }

    /// <summary>Pages of one part done since its last checkpoint: what they add to the job.</summary>
    private sealed record PageDone(int Part, int Processed, string? Next, IReadOnlyList<object> Results, IReadOnlyList<ReportedListing> Reported)
    {
        public static PageDone None(int part) => new(part, 0, null, [], []);

        public PageDone Plus(JobPage page) => this with
        {
            Processed = Processed + page.Processed,
            Next = page.Next,
            Results = [.. Results, page.Result],
            Reported = [.. Reported, .. page.Reported],
        };
    }

    private static long Mask(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parts, JobRunner.MaxParts);
        return parts == 64 ? -1L : (1L << parts) - 1;
    }

    private static long Bit(int part) => 1L << part;
}
