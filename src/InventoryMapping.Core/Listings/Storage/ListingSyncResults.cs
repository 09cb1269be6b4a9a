using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// Writes the stock sync's results onto listings (<c>updateDate</c>, <c>lastUpdate</c>, <c>quantity</c>, last error,
/// whether the SKU is claimed) through <see cref="ListingWriter"/>'s count-free path: these fields move no count, so neither the count row nor
/// the rollup is touched. Writing the same results again changes nothing (a re-run after a crash).
/// </summary>
public sealed class ListingSyncResults(ListingWriter writer, ListingStore store, IOptions<StorageThroughputOptions> throughput, TimeProvider clock)
{
    private readonly int _partitionsInFlight = throughput.Value.ListingPartitionsInFlight;
    private readonly int _readsInFlight = throughput.Value.ReadsInFlightPerPartition;

    public Task WriteAsync(string channelId, IReadOnlyCollection<SyncResult> results, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return WriteEachAsync(channelId, results, r => r.ListingId, (row, result) =>
        {
            if (row.SyncQuantity == result.Quantity && row.SyncUpdateDate == result.QueuedAt && row.SyncError == result.Error
                && (result.Error is not null || row.SyncLastUpdate is not null) && (row.SkuClaimed || !result.SkuClaimed))
            {
                return false;
            }

            row.SkuClaimed |= result.SkuClaimed;
            row.SyncQuantity = result.Quantity;
            row.SyncUpdateDate = result.QueuedAt;
            row.SyncError = result.Error;
            if (result.Error is null)
            {
                row.SyncLastUpdate = now;
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Records on each listing whether its channel claims its SKU (see StockSync.SkuClaims). The rows are the caller's
    /// (the sync plan has just read them): they are written at their ETags, and only a listing changed since is read again.
    /// </summary>
    internal Task SetSkuClaimedAsync(string channelId, IReadOnlyCollection<ListingEntity> listings, bool claimed, CancellationToken cancellationToken) =>
        WriteEachAsync(channelId, listings, l => l.RowKey, (row, _) =>
        {
            if (row.SkuClaimed == claimed)
            {
                return false;
            }

            row.SkuClaimed = claimed;
            return true;
        }, cancellationToken, read: l => l);

    /// <summary>
    /// Writes the listings of <paramref name="changes"/> a partition at a time, those <paramref name="apply"/> changed
    /// (true), each read first (<see cref="ListingStore.GetManyAsync"/>) unless <paramref name="read"/> gives its row as
    /// the caller read it.
    /// </summary>
    private Task WriteEachAsync<T>(
        string channelId, IReadOnlyCollection<T> changes, Func<T, string> listingIdOf, Func<ListingEntity, T, bool> apply, CancellationToken cancellationToken,
        Func<T, ListingEntity>? read = null) =>
        Parallel.ForEachAsync(
            changes.GroupBy(c => ListingPartition.PartitionKeyOf(channelId, listingIdOf(c))),
            new ParallelOptions { MaxDegreeOfParallelism = _partitionsInFlight, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var byListing = partition.DistinctBy(listingIdOf).ToDictionary(listingIdOf, StringComparer.Ordinal);
                var ids = byListing.Keys.ToList();
                var rows = read is null
                    ? await store.GetManyAsync(channelId, ids, _readsInFlight, ct)
                    : [.. ids.Select(id => (ListingEntity?)read(byListing[id]))];
                await writer.WritePartitionAsync(partition.Key, ids, rows, (listingId, row) =>
                    row is not null && apply(row, byListing[listingId]) ? row : (ListingEntity?)null, ct);
            });
}
