using InventoryMapping.Channels;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>Starts jobs of any kind (records them and puts their message on the jobs queue) and answers their status and reported rows.</summary>
public sealed class JobService(JobStore jobs, ChannelStore channels, AppStorage storage, DownloadLinks links, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The job's status; once it has written a file, with a fresh read-only link to it.</summary>
    public async Task<Result<Job>> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        if (await jobs.GetAsync(jobId, cancellationToken) is not { } job)
        {
            return DomainError.NotFound("Job", jobId);
        }

        if (job.File is not { } file)
        {
            return job;
        }

        var (url, expiresOn) = await links.CreateAsync(storage.Container(file.Container).GetBlobClient(file.Name), cancellationToken);
        return job with { File = file with { DownloadUrl = url, DownloadUrlExpiresOn = expiresOn } };
    }

    /// <summary>The file the job wrote, opened for reading (the caller disposes the stream); a conflict while the job has not finished it.</summary>
    public async Task<Result<JobFileContent>> OpenFileAsync(string jobId, CancellationToken cancellationToken)
    {
        if (await jobs.GetEntityAsync(jobId, cancellationToken) is not { } entity)
        {
            return DomainError.NotFound("Job", jobId);
        }

        var job = jobs.ToJob(entity);
        if (job.File is not { } file)
        {
            return job.Kind == JobKind.ExportMapping && job.Status != JobStatus.Failed
                ? DomainError.Conflict($"The job's file is not written yet: the job is {job.Status.ToString().ToLowerInvariant()}.")
                : DomainError.NotFound("File of job", jobId);
        }

        try
        {
            var download = (await storage.Container(file.Container).GetBlobClient(file.Name).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return new JobFileContent(download.Content, download.Details.ContentType ?? "application/octet-stream", download.Details.ContentLength, Path.GetFileName(file.Name));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return DomainError.NotFound("File of job", jobId);
        }
    }

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

    /// <summary>
    /// A page of the channel's jobs, newest first (by creation), from <paramref name="continuationToken"/>; only a
    /// null token in the answer means the end.
    /// </summary>
    public async Task<Result<ChannelJobsPage>> ListForChannelAsync(string channelId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return DomainError.Invalid("pageSize", $"pageSize is 1 to {MaxPageSize}.");
        }

        if (!OpaqueToken.TryDecode<ChannelJobsToken>(continuationToken, out var token, channelId))
        {
            return DomainError.Invalid("continuationToken", "The continuation token is not one of this channel's job pages, or it was changed.");
        }

        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var (found, lastKey, end) = await jobs.ListByChannelAsync(channelId, token?.After, pageSize + 1, cancellationToken);
        var shown = found.Take(pageSize).ToList();
        // More than a page: the next starts after the last shown. A short page whose index rows ran on (some pointed at
        // jobs that are gone) goes on after the last row read.
        var after = found.Count > pageSize ? shown[^1].Key : end ? null : lastKey;
        return new ChannelJobsPage(shown.Select(j => j.Job).ToList(), after is null ? null : OpaqueToken.Encode(new ChannelJobsToken(after), channelId));
    }

    /// <summary>Records a job of <paramref name="kind"/> with its parameters (a versioned JSON document) and starts it.</summary>
    /// <param name="jobId">
    /// The job's id when the caller derives it from what asked for the job (a request file's version): a job of
    /// that id already there is the one answered, and its message is sent again unless it has finished (the runner
    /// drops a message for a job held or done), so a start that died between the two steps completes.
    /// </param>
    internal async Task<Job> StartAsync<TParameters>(
        JobKind kind, string channelId, bool dryRun, TParameters parameters, long total, CancellationToken cancellationToken, string? jobId = null)
    {
        var job = new JobEntity
        {
            PartitionKey = jobId ?? JobIds.New(),
            Kind = kind.ToString(),
            ChannelId = channelId,
            DryRun = dryRun,
            Parameters = JobDocument.Write(parameters),
            Total = total,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await jobs.TryAddAsync(job, cancellationToken))
        {
            job = await jobs.GetEntityAsync(job.JobId, cancellationToken) ?? throw new InvalidOperationException($"Job {job.JobId} was there and is gone.");
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

    private sealed record ChannelJobsToken(string After);
}
