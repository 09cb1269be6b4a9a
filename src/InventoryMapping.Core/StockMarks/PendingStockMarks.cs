using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.StockMarks;

/// <summary>
/// The listings of each channel whose quantity to list may have changed, so the delta sync reads those and no others.
/// A mark is written before the change it announces commits (a crash leaves a mark for nothing, never a change
/// without one); the sync takes only marks older than a settle time, by which the change has committed, and removes
/// a mark only at the version it read, so a listing marked again meanwhile stays marked.
/// </summary>
public sealed class PendingStockMarks(AppStorage storage, TimeProvider clock, IOptions<StorageThroughputOptions> throughput)
{
    private const int ReadPageSize = 1_000;
    private readonly int _inFlight = throughput.Value.ItemTransactionsInFlight;

    /// <param name="force">Send even an unchanged quantity (Force Update). Merged, so an ordinary mark keeps a forced one forced.</param>
    public Task MarkAsync(string channelId, IEnumerable<string> listingIds, CancellationToken cancellationToken, bool force = false)
    {
        var now = clock.GetUtcNow();
        return storage.StockSyncPending.SubmitAllAsync(
            listingIds.Distinct(StringComparer.Ordinal).Select(id =>
            {
                var mark = new TableEntity(channelId, id) { [nameof(PendingMarkEntity.MarkedAt)] = now };
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
        await foreach (var page in storage.StockSyncPending.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {channelId}"), maxPerPage: ReadPageSize, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            count += page.Values.Count;
            if (count >= cap)
            {
                return (cap, true);
            }
        }

        return (count, false);
    }

    /// <summary>Up to <paramref name="max"/> marks of the channel made at or before <paramref name="settledBefore"/>, in listing id order.</summary>
    public async Task<IReadOnlyList<PendingMark>> ReadAsync(string channelId, DateTimeOffset settledBefore, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {channelId} and MarkedAt le {settledBefore}");
        var marks = new List<PendingMark>();
        string? continuation = null;
        do
        {
            var page = await storage.StockSyncPending.ReadPageAsync<PendingMarkEntity>(filter, continuation, Math.Min(ReadPageSize, max - marks.Count), cancellationToken);
            marks.AddRange(page.Values.Select(m => new PendingMark(m.RowKey, m.MarkedAt, m.ETag.ToString(), m.Force)));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && marks.Count < max);
        return marks;
    }

    /// <summary>Whether the channel has any mark (one small read).</summary>
    public async Task<bool> AnyAsync(string channelId, CancellationToken cancellationToken)
    {
        var page = await storage.StockSyncPending.ReadPageAsync<PendingMarkEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {channelId}"), continuation: null, pageSize: 1, cancellationToken);
        return page.Values.Count > 0;
    }

    /// <summary>Removes marks still at the version read; one marked again since stays (in a transaction that fails, the rest go one by one).</summary>
    public async Task RemoveAsync(string channelId, IReadOnlyCollection<PendingMark> marks, CancellationToken cancellationToken)
    {
        var chunks = marks.Chunk(TableTransactions.MaxActions).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = _inFlight, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            var actions = chunk.Select(m => new TableTransactionAction(
                TableTransactionActionType.Delete, new PendingMarkEntity { PartitionKey = channelId, RowKey = m.ListingId, ETag = new ETag(m.ETag) }, new ETag(m.ETag))).ToList();
            if ((await storage.StockSyncPending.TrySubmitAsync(actions, ct)).IsWritten)
            {
                return;
            }

            foreach (var mark in chunk)
            {
                await storage.StockSyncPending.TryDeleteAsync(channelId, mark.ListingId, new ETag(mark.ETag), ct);
            }
        });
    }
}
