using System.Globalization;

namespace InventoryMapping.Listings.Storage;

internal static class ListingMapping
{
    public static Listing ToListing(this ListingEntity e, string channelId, bool includeSyncStatus) => new(
        e.RowKey,
        channelId,
        e.Sku,
        e.Title,
        e.Asin,
        e.Price is null ? null : decimal.Parse(e.Price, CultureInfo.InvariantCulture),
        e.Quantity,
        e.IsFba,
        e.IsListed,
        e.IsActive ? ListingStatus.Active : ListingStatus.Inactive,
        e.IgnoreSync,
        e.IsLinked && e.LinkedItemId is not null ? new LinkedItem(e.LinkedItemId, e.LinkedItemSku ?? "", e.LinkedAt) : null,
        includeSyncStatus ? new ListingSyncStatus(e.SyncUpdateDate, e.SyncLastUpdate, e.SyncQuantity, e.SyncError) : null,
        new AmazonListingDetails(e.Status, e.AmazonListingId, e.ProductId, e.ProductIdType, e.OpenDate, e.FulfillmentChannel),
        e.UpdatedAt,
        e.ETag.ToString());

    public static string? FormatPrice(decimal? price) => price?.ToString(CultureInfo.InvariantCulture);
}
