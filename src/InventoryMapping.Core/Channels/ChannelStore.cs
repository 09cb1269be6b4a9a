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
        return row.HasValue ? row.Value!.ToChannel() : null;
    }

    /// <summary>All channels. There are few (one per Amazon account), so one partition read is fine.</summary>
    public async Task<IReadOnlyList<Channel>> ListAsync(CancellationToken cancellationToken)
    {
        var channels = new List<Channel>();
        await foreach (var row in storage.Channels.QueryAsync<ChannelEntity>(e => e.PartitionKey == ChannelEntity.Partition, cancellationToken: cancellationToken))
        {
            channels.Add(row.ToChannel());
        }

        return channels;
    }

    /// <summary>Inserts (when <paramref name="ifMatch"/> is null and the channel is new) or replaces under optimistic concurrency.</summary>
    internal async Task<Result<Channel>> SaveAsync(ChannelEntity entity, ETag? ifMatch, bool exists, CancellationToken cancellationToken)
    {
        try
        {
            Response response = exists || ifMatch is not null
                ? await storage.Channels.UpdateEntityAsync(entity, ifMatch ?? entity.ETag, TableUpdateMode.Replace, cancellationToken)
                : await storage.Channels.AddEntityAsync(entity, cancellationToken);
            entity.ETag = response.Headers.ETag ?? entity.ETag;
            return entity.ToChannel();
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return DomainError.PreconditionFailed($"Channel '{entity.RowKey}' was changed by someone else; read it again and retry.");
        }
    }

    internal async Task<ChannelEntity?> GetEntityAsync(string channelId, CancellationToken cancellationToken)
    {
        var row = await storage.Channels.GetEntityIfExistsAsync<ChannelEntity>(ChannelEntity.Partition, channelId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
