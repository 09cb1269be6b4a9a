using InventoryMapping.Channels;
using InventoryMapping.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Jobs;

/// <summary>
/// Runs jobs of any kind: holds a job under a lease, works on it for a bounded slice of time with
/// <see cref="Parallelism"/> workers over its work source's parts, checkpointing after every page; then hands the
/// rest to a new queue message. After the last page the kind's completion step runs once and the job succeeds.
/// A process killed at any point leaves the last checkpoint, and whoever takes the job over goes on from it.
/// </summary>
/// <remarks>
/// Taking over does not wait for the queue to deliver the dead runner's message again (a host keeps a message
/// invisible for up to ten minutes while it runs): whoever takes the lease first puts a watch message for that
/// holding on the queue, due when the lease would end. A live holder renews its lease at every checkpoint (and at
/// least every <see cref="Heartbeat"/>), so the watch finds it held and comes back when it would end again; a dead
/// holder's lease runs out, and the watch takes the job over. So a job whose runner died goes on within about
/// <see cref="Lease"/>. Any other message finding the job held is dropped: the holder has its watch.
/// </remarks>
public sealed partial class JobRunner
{
    private readonly JobStore _jobs;
    private readonly JobService _service;
    private readonly ChannelStore _channels;
    private readonly JobKinds _kinds;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobRunner> _logger;
    private readonly StorageThroughputOptions _throughput;

    public JobRunner(
        JobStore jobs, JobService service, ChannelStore channels, JobKinds kinds, IOptions<StorageThroughputOptions> throughput, TimeProvider clock, ILogger<JobRunner> logger)
    {
        _throughput = throughput.Value;
        _jobs = jobs;
        _service = service;
        _channels = channels;
        _kinds = kinds;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Items per page of a listing job: one storage request, within one listing partition.</summary>
    public const int PageSize = 1000;

    /// <summary>Parts a job's work source may have (the checkpoint keeps a bit per part).</summary>
    public const int MaxParts = 64;

    /// <summary>How long one invocation works before it hands over (well inside any function timeout).</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMinutes(4);

    /// <summary>How long a runner holds a job without renewing; a dead runner's job is taken over after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>A runner renews its lease at least this often, even while no page finishes.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>A watch message comes back this long after the lease it watches would end.</summary>
    private static readonly TimeSpan s_watchSlack = TimeSpan.FromSeconds(2);

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
            if (message.LeaseId is { } watched && watched == job.LeaseId)
            {
                // Watching a live holder: look again when its lease would end, in case it dies meanwhile.
                await _service.EnqueueAsync(message, until - now + s_watchSlack, cancellationToken);
            }

            return;
        }

        // The watch goes on the queue before the lease is taken, so a holder never lacks one; if the take fails,
        // the watch finds another holding when it comes and is dropped.
        var leaseId = Guid.NewGuid().ToString("N");
        await _service.EnqueueAsync(new JobMessage(job.JobId, leaseId), Lease + s_watchSlack, cancellationToken);
        if (job.JobStatus == JobStatus.Running && job.LeaseUntil is not null)
        {
            LogTakingOver(_logger, job.JobId, job.HeartbeatAt);
        }

        job.Status = nameof(JobStatus.Running);
        job.StartedAt ??= now;
        job.LeaseUntil = now + Lease;
        job.LeaseId = leaseId;
        job.HeartbeatAt = now;
        if (!await _jobs.TrySaveAsync(job, cancellationToken))
        {
            return; // someone else took it between our read and write
        }

        var kind = _kinds[job.Kind];
        var channel = job.ChannelId.Length == 0 || !kind.NeedsChannel ? null : await _channels.GetAsync(job.ChannelId, cancellationToken);
        if (kind.NeedsChannel && job.ChannelId.Length > 0 && channel is null)
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
            // Record the failure on the checkpoint and free the job; the queue delivers a message again, and a
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

    private async Task WorkAsync(JobEntity job, Channel? channel, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity("JobSlice")?.SetTag("job.id", job.JobId).SetTag("job.kind", job.Kind);
        var kind = _kinds[job.Kind];
        var slice = new JobSlice(_jobs, _clock, job, channel, kind, kind.PartsInFlight(_throughput), _clock.GetUtcNow() + Slice);
        await slice.RunAsync(cancellationToken);
        if (slice.LostLease)
        {
            LogLostLease(_logger, job.JobId);
            return;
        }

        if (slice.IsJobDone)
        {
            job.Result = await kind.CompleteAsync(job, channel, cancellationToken);
            var failure = kind.Failure(job);
            await FinishAsync(job, failure is null ? JobStatus.Succeeded : JobStatus.Failed, failure, cancellationToken);
            LogFinished(_logger, job.JobId, job.Kind, job.Done, job.Result);
            return;
        }

        // The slice is over: free the job and hand the rest to a new message.
        job.LeaseUntil = null;
        if (await _jobs.TrySaveAsync(job, cancellationToken))
        {
            await _service.EnqueueAsync(new JobMessage(job.JobId), TimeSpan.Zero, cancellationToken);
        }
    }

    private async Task FinishAsync(JobEntity job, JobStatus status, string? error, CancellationToken cancellationToken)
    {
        job.Status = status.ToString();
        job.Error = error;
        job.FinishedAt = _clock.GetUtcNow();
        job.LeaseUntil = null;

        if (status == JobStatus.Succeeded && job.Total != 0)
        {
            // The total was an estimate when the job started (listings can be linked, added or retired meanwhile);
            // at the end progress is exact, and the estimate stays beside it when it differed.
            job.EstimatedTotal = job.Total != job.Done ? job.Total : null;
            job.Total = job.Done;
        }
        else
        {
            job.Total = Math.Max(job.Total, job.Done);
        }

        await _jobs.TrySaveAsync(job, cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Job {JobId} ({Kind}) finished: {Done} items, {Result}")]
    private static partial void LogFinished(ILogger logger, string jobId, string kind, long done, string result);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: taking over from a runner last seen at {HeartbeatAt}")]
    private static partial void LogTakingOver(ILogger logger, string jobId, DateTimeOffset? heartbeatAt);

    [LoggerMessage(LogLevel.Error, "Job {JobId} failed for good")]
    private static partial void LogGaveUp(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: another runner saved the job; this one stops")]
    private static partial void LogLostLease(ILogger logger, string jobId);
}
