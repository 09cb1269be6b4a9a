using InventoryMapping.StockMarks;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// What a listing write means for the stock sync, decided where every listing write passes (<see cref="ListingWriter"/>):
/// a change of link, Ignore Sync, FBA, listed or the listing's stock rules marks it pending; a new link adds its
/// item → listing index row before the write, a link removed or moved removes its row after.
/// </summary>
internal static class ListingSyncTriggers
{
    public static IEnumerable<string> ToMark(IEnumerable<ListingChange> changes) =>
        changes.Where(c => c.Before is null ? c.After.IsLinked : !SameForSync(c.Before, c.After)).Select(c => c.After.RowKey);

    public static IEnumerable<IndexedListing> LinksToAdd(string channelId, IEnumerable<ListingChange> changes) =>
        changes
            .Where(c => c.After is { IsLinked: true, LinkedItemId: not null } && (c.Before is not { IsLinked: true } || c.Before.LinkedItemId != c.After.LinkedItemId))
            .Select(c => new IndexedListing(c.After.LinkedItemId!, channelId, c.After.RowKey));

    public static IEnumerable<IndexedListing> LinksToRemove(string channelId, IEnumerable<ListingChange> changes) =>
        changes
            .Where(c => c.Before is { IsLinked: true, LinkedItemId: not null } && (!c.After.IsLinked || c.After.LinkedItemId != c.Before.LinkedItemId))
            .Select(c => new IndexedListing(c.Before!.LinkedItemId!, channelId, c.After.RowKey));

    private static bool SameForSync(ListingEntity a, ListingEntity b) =>
        a.IsLinked == b.IsLinked && a.LinkedItemId == b.LinkedItemId && a.IgnoreSync == b.IgnoreSync && a.IsFba == b.IsFba && a.IsListed == b.IsListed
        && a.StockPercentage == b.StockPercentage && a.MaxListedQuantity == b.MaxListedQuantity && a.EndWhenStock == b.EndWhenStock;
}
