using System.Text.Json;
using InventoryMapping.Channels;
using InventoryMapping.Listings;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>Starts bulk jobs: records them and puts their message on the jobs queue.</summary>
public sealed class JobService(ChannelStore channels, ListingCountsRollup counts, JobStore jobs, AppStorage storage, TimeProvider clock)
{
    /// <summary>Starts Link All or Create All over the channel's unlinked listings.</summary>
    public async Task<Result<Job>> GetAsync(string jobId, CancellationToken cancellationToken) =>
        await jobs.GetAsync(jobId, cancellationToken) is { } job ? job : DomainError.NotFound("Job", jobId);

    public async Task<Result<Job>> StartAsync(JobKind kind, string channelId, bool dryRun, SkuMatchMode match, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(kind, JobKind.UnlinkDeletedItem);
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var totals = await counts.ReadAsync(channelId, cancellationToken);
        return await AddAsync(
            new JobEntity { Kind = kind.ToString(), ChannelId = channelId, DryRun = dryRun, Match = match.ToString(), Total = totals.Unlinked },
            cancellationToken);
    }

    /// <summary>Starts unlinking the channel's listings from a deleted item (how many there are is known only at the end).</summary>
    internal Task<Job> StartUnlinkDeletedItemAsync(string channelId, string itemId, CancellationToken cancellationToken) =>
        AddAsync(new JobEntity { Kind = nameof(JobKind.UnlinkDeletedItem), ChannelId = channelId, ItemId = itemId }, cancellationToken);

    private async Task<Job> AddAsync(JobEntity job, CancellationToken cancellationToken)
    {
        job.PartitionKey = JobIds.New();
        job.CreatedAt = clock.GetUtcNow();
        await jobs.AddAsync(job, cancellationToken);
        await EnqueueAsync(job.JobId, TimeSpan.Zero, cancellationToken);
        return job.ToJob();
    }

    internal async Task EnqueueAsync(string jobId, TimeSpan delay, CancellationToken cancellationToken) =>
        await storage.JobQueue.SendMessageAsync(
            JsonSerializer.Serialize(new JobMessage(jobId)),
            visibilityTimeout: delay > TimeSpan.Zero ? delay : null,
            cancellationToken: cancellationToken);
}
