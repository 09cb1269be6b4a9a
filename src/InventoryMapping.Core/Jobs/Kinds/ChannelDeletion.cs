using Azure;
using InventoryMapping.Channels;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Deletes a channel: marks it deleted (under If-Match) with the id of the job that will remove its data, then starts
/// that job (<see cref="DeleteChannel"/>). From the mark on the channel reads as gone: no page, summary, timer or new
/// job sees it, and a PUT of its id is 409 until the job has finished. A DELETE that finds it marked (a retry, or a
/// crash between the two steps) answers that job, starting it if it never was. Nothing else changes: items, locations,
/// other channels and the channel's jobs (readable by id) stay.
/// </summary>
public sealed class ChannelDeletion(ChannelStore channels, JobService jobs, TimeProvider clock)
{
    public async Task<Result<Job>> DeleteAsync(string channelId, string? ifMatch, CancellationToken cancellationToken)
    {
        var channel = await channels.GetEntityAsync(channelId, cancellationToken);
        if (channel is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        if (channel.DeletedAt is null)
        {
            if ((ifMatch is not null && channel.ETag != new ETag(ifMatch))
                || !await channels.TryMarkDeletedAsync(channel, JobIds.New(), clock.GetUtcNow(), cancellationToken))
            {
                return DomainError.PreconditionFailed($"Channel '{channelId}' changed meanwhile.");
            }
        }

        // Starting a job of a known id is idempotent: a concurrent DELETE, or one after a crash, gets the same job.
        return await jobs.StartAsync(JobKind.DeleteChannel, channelId, dryRun: false, new DeleteChannelParameters(), total: 0, cancellationToken, channel.DeletionJobId);
    }
}
