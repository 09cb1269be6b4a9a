using InventoryMapping.Listings.Storage;
using InventoryMapping.StockMarks;

namespace InventoryMapping.Jobs;

/// <summary>
/// The work source of jobs over the listings of one channel linked to one item, found through the item → listings
/// index (<see cref="ItemListingIndex"/>) instead of a read of the channel: one part, pages of index rows, the page's
/// listings read together (<see cref="ListingStore.GetManyAsync"/>), each kept only if it is still linked to the item
/// (the index may hold a row too many, never one too few).
/// </summary>
internal sealed class IndexedListingsOfItem(ItemListingIndex index, ListingStore listings, string channelId, string itemId, int readsInFlight)
    : IWorkSource<ListingEntity>
{
    public int PartCount => 1;

    public async Task<WorkPage<ListingEntity>> ReadAsync(int part, string? cursor, CancellationToken cancellationToken)
    {
        var (indexed, next) = await index.ReadPageAsync(itemId, channelId, cursor, JobRunner.PageSize, cancellationToken);
        var rows = await listings.GetManyAsync(channelId, [.. indexed.Select(i => i.ListingId)], readsInFlight, cancellationToken);
        return new WorkPage<ListingEntity>([.. rows.OfType<ListingEntity>().Where(l => l.IsLinked && l.LinkedItemId == itemId)], next);
    }
}
