using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>Starts jobs of any kind (records them and puts their message on the jobs queue) and answers their status and reported rows.</summary>
public sealed class JobService(JobStore jobs, AppStorage storage, TimeProvider clock)
{
    public async Task<Result<Job>> GetAsync(string jobId, CancellationToken cancellationToken) =>
        await jobs.GetAsync(jobId, cancellationToken) is { } job ? job : DomainError.NotFound("Job", jobId);

    /// <summary>
    /// A page of the rows the job reported (listings it left alone and why), from <paramref name="continuationToken"/>.
    /// The rows come in the order the job processed its pages; paging a running job ends at what it has written so far.
    /// </summary>
    public async Task<Result<ReportedPage>> GetReportedAsync(string jobId, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!OpaqueToken.TryDecode<ReportedToken>(continuationToken, out var token) || (token is not null && token.JobId != jobId))
        {
            return DomainError.Invalid("continuationToken", "The continuation token is not one of this job's reported pages.");
        }

        if (await jobs.GetEntityAsync(jobId, cancellationToken) is null)
        {
            return DomainError.NotFound("Job", jobId);
        }

        var (rows, next) = await jobs.ReadReportedPageAsync(jobId, token?.Marker, cancellationToken);
        return new ReportedPage(rows, next is null ? null : OpaqueToken.Encode(new ReportedToken(jobId, next)));
    }

    /// <summary>Records a job of <paramref name="kind"/> with its parameters (a versioned JSON document) and starts it.</summary>
    internal async Task<Job> StartAsync<TParameters>(JobKind kind, string channelId, bool dryRun, TParameters parameters, long total, CancellationToken cancellationToken)
    {
        var job = new JobEntity
        {
            PartitionKey = JobIds.New(),
            Kind = kind.ToString(),
            ChannelId = channelId,
            DryRun = dryRun,
            Parameters = JobDocument.Write(parameters),
            Total = total,
            CreatedAt = clock.GetUtcNow(),
        };
        await jobs.AddAsync(job, cancellationToken);
        await EnqueueAsync(new JobMessage(job.JobId), TimeSpan.Zero, cancellationToken);
        return jobs.ToJob(job);
    }

    /// <summary>
    /// Starts the job with id <paramref name="jobId"/> unless it exists; an existing one that has not finished is
    /// put on the queue again (a start that died between recording and queueing it goes on), a finished one is left.
    /// </summary>
    internal async Task<Job> StartOnceAsync<TParameters>(string jobId, JobKind kind, string channelId, bool dryRun, TParameters parameters, CancellationToken cancellationToken)
    {
        var job = new JobEntity
        {
            PartitionKey = jobId,
            Kind = kind.ToString(),
            ChannelId = channelId,
            DryRun = dryRun,
            Parameters = JobDocument.Write(parameters),
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await jobs.TryAddAsync(job, cancellationToken))
        {
            job = await jobs.GetEntityAsync(jobId, cancellationToken) ?? throw new InvalidOperationException($"Job {jobId} exists and does not.");
            if (job.IsFinished)
            {
                return jobs.ToJob(job);
            }
        }

        await EnqueueAsync(new JobMessage(job.JobId), TimeSpan.Zero, cancellationToken);
        return jobs.ToJob(job);
    }

    internal async Task EnqueueAsync(JobMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        await storage.JobQueue.SendMessageAsync(
            JobDocument.Write(message),
            visibilityTimeout: delay > TimeSpan.Zero ? delay : null,
            cancellationToken: cancellationToken);

    private sealed record ReportedToken(string JobId, string Marker);
}
