using InventoryMapping.Inventory;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// The one place a listing's link fields are set or cleared. The link is the item id only: the item's SKU and title are
/// read when the listing is shown (<see cref="LinkedItems"/>), so a renamed item never shows its old SKU.
/// </summary>
internal static class ListingLinks
{
    public static ListingEntity LinkTo(this ListingEntity listing, ItemReference item, DateTimeOffset now, string? jobId)
    {
        listing.IsLinked = true;
        listing.LinkedItemId = item.ItemId;
        listing.LinkedAt = now;
        listing.LinkJobId = jobId;
        listing.UpdatedAt = now;
        return listing;
    }

    public static ListingEntity Unlink(this ListingEntity listing, DateTimeOffset now)
    {
        listing.IsLinked = false;
        listing.LinkedItemId = null;
        listing.LinkedAt = null;
        listing.LinkJobId = null;
        listing.UpdatedAt = now;
        return listing;
    }
}
