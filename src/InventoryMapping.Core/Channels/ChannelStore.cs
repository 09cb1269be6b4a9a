using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Channels;

public sealed class ChannelStore(AppStorage storage)
{
    public async Task<Channel?> GetAsync(string channelId, CancellationToken cancellationToken)
    {
        if (!ChannelIds.IsValid(channelId))
        {
            return null;
        }

        var row = await storage.Channels.GetEntityIfExistsAsync<ChannelEntity>(ChannelEntity.Partition, channelId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.DeletedAt is null ? row.Value.ToChannel() : null;
    }

    /// <summary>All channels. There are few (one per Amazon account), so one partition read is fine.</summary>
    public async Task<IReadOnlyList<Channel>> ListAsync(CancellationToken cancellationToken)
    {
        var channels = new List<Channel>();
        await foreach (var row in storage.Channels.QueryAsync<ChannelEntity>(e => e.PartitionKey == ChannelEntity.Partition, cancellationToken: cancellationToken))
        {
            if (row.DeletedAt is null)
            {
                channels.Add(row.ToChannel());
            }
        }

        return channels;
    }

    /// <summary>Inserts (when <paramref name="ifMatch"/> is null and the channel is new) or replaces under optimistic concurrency.</summary>
    internal async Task<Result<Channel>> SaveAsync(ChannelEntity entity, ETag? ifMatch, bool exists, CancellationToken cancellationToken)
    {
        var outcome = exists || ifMatch is not null
            ? await storage.Channels.TryReplaceAsync(entity, ifMatch ?? entity.ETag, cancellationToken)
            : await storage.Channels.TryAddAsync(entity, cancellationToken);
        return outcome == WriteOutcome.Written
            ? entity.ToChannel()
            : DomainError.PreconditionFailed($"Channel '{entity.RowKey}' was changed by someone else; read it again and retry.");
    }

    /// <summary>Marks the channel deleted under its ETag, naming the job that removes its data; false if it changed meanwhile.</summary>
    internal async Task<bool> TryMarkDeletedAsync(ChannelEntity channel, string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        channel.DeletedAt = now;
        channel.DeletionJobId = jobId;
        return await storage.Channels.TryReplaceAsync(channel, channel.ETag, cancellationToken) == WriteOutcome.Written;
    }

    /// <summary>Deletion, last step: the channel's row (idempotent).</summary>
    internal Task RemoveAsync(string channelId, CancellationToken cancellationToken) =>
        storage.Channels.TryDeleteAsync(ChannelEntity.Partition, channelId, ETag.All, cancellationToken);

    /// <summary>The channel's row, also while it is being deleted.</summary>
    internal async Task<ChannelEntity?> GetEntityAsync(string channelId, CancellationToken cancellationToken)
    {
        var row = await storage.Channels.GetEntityIfExistsAsync<ChannelEntity>(ChannelEntity.Partition, channelId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
