using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// Writes the stock sync's results onto listings (<c>updateDate</c>, <c>lastUpdate</c>, <c>quantity</c>, last error)
/// through <see cref="ListingWriter"/>'s count-free path: these fields move no count, so neither the count row nor
/// the rollup is touched. Writing the same results again changes nothing (a re-run after a crash).
/// </summary>
public sealed class ListingSyncResults(ListingWriter writer, IOptions<StorageThroughputOptions> throughput, TimeProvider clock)
{
    private readonly int _partitionsInFlight = throughput.Value.ListingPartitionsInFlight;

    public Task WriteAsync(string channelId, IReadOnlyCollection<SyncResult> results, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return Parallel.ForEachAsync(
            results.GroupBy(r => ListingPartition.PartitionKeyOf(channelId, r.ListingId)),
            new ParallelOptions { MaxDegreeOfParallelism = _partitionsInFlight, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var byListing = partition.DistinctBy(r => r.ListingId).ToDictionary(r => r.ListingId, StringComparer.Ordinal);
                var ids = byListing.Keys.ToList();
                var rows = await writer.ReadAsync(partition.Key, ids, ct);
                await writer.WritePartitionAsync(partition.Key, ids, rows, (listingId, row) =>
                {
                    var result = byListing[listingId];
                    if (row is null || (row.SyncQuantity == result.Quantity && row.SyncUpdateDate == result.QueuedAt && row.SyncError == result.Error
                        && (result.Error is not null || row.SyncLastUpdate is not null)))
                    {
                        return (ListingEntity?)null;
                    }

                    row.SyncQuantity = result.Quantity;
                    row.SyncUpdateDate = result.QueuedAt;
                    row.SyncError = result.Error;
                    if (result.Error is null)
                    {
                        row.SyncLastUpdate = now;
                    }

                    return row;
                }, ct);
            });
    }
}
