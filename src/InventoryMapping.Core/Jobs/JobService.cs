using System.Text.Json;
using InventoryMapping.Channels;
using InventoryMapping.Listings;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>Starts bulk jobs: records them and puts their message on the jobs queue.</summary>
public sealed class JobService(ChannelStore channels, ListingCountsRollup counts, JobStore jobs, AppStorage storage, TimeProvider clock)
{
    public async Task<Result<Job>> StartAsync(JobKind kind, string channelId, bool dryRun, SkuMatchMode match, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var totals = await counts.ReadAsync(channelId, cancellationToken);
        var job = new JobEntity
        {
            PartitionKey = JobIds.New(),
            Kind = kind.ToString(),
            ChannelId = channelId,
            DryRun = dryRun,
            Match = match.ToString(),
            Total = totals.Unlinked,
            CreatedAt = clock.GetUtcNow(),
        };
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
