using InventoryMapping.Inventory;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// A work source over the SKU reservations not yet committed: one part per listing partition's run of SKU
/// buckets (so 64 parts, as for listings), pages of up to <see cref="JobRunner.PageSize"/> rows.
/// </summary>
internal sealed class ItemSkuReservations(InventoryStore items) : IWorkSource<ItemSkuEntity>
{
    public int PartCount => ListingPartition.Count;

    public async Task<WorkPage<ItemSkuEntity>> ReadAsync(int part, string? cursor, CancellationToken cancellationToken)
    {
        var page = await items.ReadUncommittedReservationsPageAsync(ListingPartition.SkuBuckets(part), cursor, JobRunner.PageSize, cancellationToken);
        return new WorkPage<ItemSkuEntity>(page.Values, page.ContinuationToken);
    }
}
