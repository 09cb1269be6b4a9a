using InventoryMapping.Inventory;

namespace InventoryMapping.Listings.Storage;

/// <summary>The one place a listing's link fields are set or cleared.</summary>
internal static class ListingLinks
{
    public static ListingEntity LinkTo(this ListingEntity listing, ItemReference item, DateTimeOffset now, string? jobId)
    {
        listing.IsLinked = true;
        listing.LinkedItemId = item.ItemId;
        listing.LinkedItemSku = item.Sku;
        listing.LinkedAt = now;
        listing.LinkJobId = jobId;
        listing.UpdatedAt = now;
        return listing;
    }

    public static ListingEntity Unlink(this ListingEntity listing, DateTimeOffset now)
    {
        listing.IsLinked = false;
        listing.LinkedItemId = null;
        listing.LinkedItemSku = null;
        listing.LinkedAt = null;
        listing.LinkJobId = null;
        listing.UpdatedAt = now;
        return listing;
    }
}
