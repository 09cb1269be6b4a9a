using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.StockMarks;

/// <summary>
/// The listings of each channel whose quantity to list may have changed, so the delta sync reads those and no others.
/// A mark is written before the change it announces commits (a crash leaves a mark for nothing, never a change
/// without one); the sync takes only marks older than a settle time, by which the change has committed, and removes
/// a mark only at the version it read, so a listing marked again meanwhile stays marked. A mark sits in its listing's
/// partition key (<see cref="ListingPartition"/>), so the marks of a listing partition's write are one transaction and
/// a Force Update of a million listings spreads over the channel's 64 partitions instead of one (~2,000 entities/s in
/// Azure); the sync reads the channel's marks with one range query over those partitions.
/// </summary>
public sealed class PendingStockMarks(AppStorage storage, TimeProvider clock, IOptions<StorageThroughputOptions> throughput)
{
    private const int ReadPageSize = 1_000;
    private readonly int _inFlight = throughput.Value.ItemTransactionsInFlight;

    private TableClient Table => storage.StockSyncPending;

    /// <param name="force">Send even an unchanged quantity (Force Update). Merged, so an ordinary mark keeps a forced one forced.</param>
    public Task MarkAsync(string channelId, IEnumerable<string> listingIds, CancellationToken cancellationToken, bool force = false)
    {
        var now = clock.GetUtcNow();
        return Table.SubmitAllAsync(
            listingIds.Distinct(StringComparer.Ordinal).Select(id =>
            {
                var mark = new TableEntity(ListingPartition.PartitionKeyOf(channelId, id), id) { [nameof(PendingMarkEntity.MarkedAt)] = now };
                if (force)
                {
                    mark[nameof(PendingMarkEntity.Force)] = true;
                }

                return new TableTransactionAction(TableTransactionActionType.UpsertMerge, mark);
            }),
            _inFlight,
            cancellationToken);
    }

    /// <summary>How many marks the channel has, counting at most <paramref name="cap"/> (key-only pages).</summary>
    public async Task<(int Count, bool Capped)> CountAsync(string channelId, int cap, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var page in Table.QueryAsync<TableEntity>(ChannelFilter(channelId), maxPerPage: ReadPageSize, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            count += page.Values.Count;
            if (count >= cap)
            {
                return (cap, true);
            }
        }

        return (count, false);
    }

    /// <summary>Up to <paramref name="max"/> marks of the channel made at or before <paramref name="settledBefore"/>, by partition, then listing id.</summary>
    public async Task<IReadOnlyList<PendingMark>> ReadAsync(string channelId, DateTimeOffset settledBefore, int max, CancellationToken cancellationToken)
    {
        var filter = $"{ChannelFilter(channelId)} and {TableClient.CreateQueryFilter($"MarkedAt le {settledBefore}")}";
        var marks = new List<PendingMark>();
        string? continuation = null;
        do
        {
            var page = await Table.ReadPageAsync<PendingMarkEntity>(filter, continuation, Math.Min(ReadPageSize, max - marks.Count), cancellationToken);
            marks.AddRange(page.Values.Select(m => new PendingMark(m.RowKey, m.MarkedAt, m.ETag.ToString(), m.Force)));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && marks.Count < max);
        return marks;
    }

    /// <summary>Whether the channel has any mark (small reads: a page may come back empty at a partition boundary, with a continuation).</summary>
    public async Task<bool> AnyAsync(string channelId, CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await Table.ReadPageAsync<TableEntity>(ChannelFilter(channelId), continuation, pageSize: 1, cancellationToken, select: ["RowKey"]);
            if (page.Values.Count > 0)
            {
                return true;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        return false;
    }

    /// <summary>Removes marks still at the version read; one marked again since stays (in a transaction that fails, the rest go one by one).</summary>
    public async Task RemoveAsync(string channelId, IReadOnlyCollection<PendingMark> marks, CancellationToken cancellationToken)
    {
        var chunks = marks.GroupBy(m => ListingPartition.PartitionKeyOf(channelId, m.ListingId), StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(TableTransactions.MaxActions).Select(chunk => (PartitionKey: partition.Key, Marks: chunk)))
            .ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = _inFlight, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            var actions = chunk.Marks.Select(m => new TableTransactionAction(
                TableTransactionActionType.Delete, new PendingMarkEntity { PartitionKey = chunk.PartitionKey, RowKey = m.ListingId, ETag = new ETag(m.ETag) }, new ETag(m.ETag))).ToList();
            if ((await Table.TrySubmitAsync(actions, ct)).IsWritten)
            {
                return;
            }

            foreach (var mark in chunk.Marks)
            {
                await Table.TryDeleteAsync(chunk.PartitionKey, mark.ListingId, new ETag(mark.ETag), ct);
            }
        });
    }

    /// <summary>Removes every mark of a deleted channel, whatever its version (a page of keys at a time, partition by partition).</summary>
    public async Task RemoveChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        for (var partition = 0; partition < ListingPartition.Count; partition++)
        {
            await Table.DeletePartitionAsync(ListingPartition.PartitionKey(channelId, partition), cancellationToken);
        }
    }

    private static string ChannelFilter(string channelId)
    {
        var (from, to) = ListingPartition.PartitionRange(channelId);
        return TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
    }
}
