using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// The item SKUs a job's current listing partition can match. Job pages come in partition order, so keeping the
/// latest partition's is enough, and memory stays at one partition's share of the items.
/// </summary>
internal sealed class CurrentShardSkus(InventoryStore items, bool withNormalized)
{
    private ShardItemSkus? _current;

    public async ValueTask<ShardItemSkus> ForAsync(int shard, CancellationToken cancellationToken) =>
        _current is { } current && current.Shard == shard
            ? current
            : _current = await items.ReadSkusOfShardAsync(shard, ListingShard.SkuBuckets(shard), withNormalized, cancellationToken);

    /// <summary>For each listing of the page, the item SKUs of its partition.</summary>
    public async Task<ShardItemSkus[]> ForPageAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken)
    {
        var skus = new ShardItemSkus[page.Count];
        for (var i = 0; i < page.Count; i++)
        {
            skus[i] = await ForAsync(ListingShard.OfSku(page[i].Sku), cancellationToken);
        }

        return skus;
    }
}
