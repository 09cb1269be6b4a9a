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
        using var activity = Telemetry.Source.StartActivity("JobSlice")?.SetTag("job.id", job.JobId).SetTag("job.kind", job.Kind);
        var kind = _kinds.Single(k => k.Kind.ToString() == job.Kind);
        var slice = new JobSlice(_listings, _jobs, _clock, job, channel, kind, _clock.GetUtcNow() + Slice);
        await slice.RunAsync(cancellationToken);
        if (slice.LostLease)
        {
            LogLostLease(_logger, job.JobId);
            return;
        }

        if (slice.IsJobDone)
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
