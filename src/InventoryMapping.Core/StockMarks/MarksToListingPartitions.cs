using Azure.Data.Tables;
using InventoryMapping.Channels;
using InventoryMapping.Storage;

namespace InventoryMapping.StockMarks;

/// <summary>
/// Storage layout 2 → 3: a channel's pending marks move from the channel's one partition of StockSyncPending to their
/// listings' partitions (<see cref="PendingStockMarks"/>). Per channel (deleted ones too, so their deletion finds
/// them), a page of marks at a time: each is added in its new partition, keeping a mark written there meanwhile (it is
/// newer; only a Force flag is carried over), then the old rows are deleted. A crash or a second instance migrating
/// at the same time repeats rows already moved, which ends the same.
/// </summary>
internal sealed class MarksToListingPartitions(AppStorage storage) : IStorageMigration
{
    private const int PageSize = 1_000;
    private const int InFlight = 8;

    public int From => 2;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var channelIds = new List<string>();
        await foreach (var row in storage.Channels.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ChannelEntity.Partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            channelIds.Add(row.RowKey);
        }

        foreach (var channelId in channelIds)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {channelId}");
            while (true)
            {
                var page = await storage.StockSyncPending.ReadPageAsync<PendingMarkEntity>(filter, continuation: null, PageSize, cancellationToken);
                if (page.Values.Count == 0)
                {
                    break;
                }

                await storage.StockSyncPending.AddAllOrEachAsync(
                    page.Values.Select(m => new PendingMarkEntity
                    {
                        PartitionKey = ListingPartition.PartitionKeyOf(channelId, m.RowKey), RowKey = m.RowKey, MarkedAt = m.MarkedAt, Force = m.Force,
                    }),
                    InFlight,
                    async (mark, ct) =>
                    {
                        if (await storage.StockSyncPending.TryAddAsync(mark, ct) == WriteOutcome.Conflict && mark.Force)
                        {
                            await storage.StockSyncPending.UpsertEntityAsync(
                                new TableEntity(mark.PartitionKey, mark.RowKey) { [nameof(PendingMarkEntity.Force)] = true }, TableUpdateMode.Merge, ct);
                        }
                    },
                    cancellationToken);
                await storage.StockSyncPending.DeleteRowsAsync(channelId, page.Values.Select(m => m.RowKey), cancellationToken);
            }
        }
    }
}
