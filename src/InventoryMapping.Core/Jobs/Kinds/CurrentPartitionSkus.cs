using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// The item SKUs a job's current listing partition can match. Job pages come in partition order, so keeping the
/// latest partition's is enough, and memory stays at one partition's share of the items.
/// </summary>
internal sealed class CurrentPartitionSkus(InventoryStore items, bool withNormalized)
{
    private PartitionItemSkus? _current;

    public async ValueTask<PartitionItemSkus> ForAsync(int partition, CancellationToken cancellationToken) =>
        _current is { } current && current.Partition == partition
            ? current
            : _current = await items.ReadSkusOfPartitionAsync(partition, ListingPartition.SkuBuckets(partition), withNormalized, cancellationToken);

    /// <summary>For each listing of the page, the item SKUs of its partition.</summary>
    public async Task<PartitionItemSkus[]> ForPageAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken)
    {
        var skus = new PartitionItemSkus[page.Count];
        for (var i = 0; i < page.Count; i++)
        {
            skus[i] = await ForAsync(ListingPartition.OfSku(page[i].Sku), cancellationToken);
        }

        return skus;
    }
}
