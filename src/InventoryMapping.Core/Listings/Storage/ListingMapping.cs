using System.Globalization;

namespace InventoryMapping.Listings.Storage;

internal static class ListingMapping
{
    /// <param name="linkedItems">The current SKU and title of the linked item, if any (see <see cref="LinkedItems"/>); an item not in it is gone.</param>
    public static Listing ToListing(this ListingEntity e, string channelId, bool includeSyncStatus, IReadOnlyDictionary<string, Inventory.ItemSummary> linkedItems) => new(
        e.RowKey,
        channelId,
        e.Sku,
        e.Title,
        e.Asin,
        ParsePrice(e.Price),
        e.Quantity,
        e.IsFba,
        e.IsListed,
        e.IsActive ? ListingStatus.Active : ListingStatus.Inactive,
        e.IgnoreSync,
        e.IsLinked && e.LinkedItemId is not null
            ? linkedItems.TryGetValue(e.LinkedItemId, out var item) ? new LinkedItem(item.ItemId, item.Sku, item.Title, e.LinkedAt) : new LinkedItem(e.LinkedItemId, null, null, e.LinkedAt)
            : null,
        includeSyncStatus ? new ListingSyncStatus(e.SyncUpdateDate, e.SyncLastUpdate, e.SyncQuantity, e.SyncError) : null,
        new AmazonListingDetails(e.Status, e.AmazonListingId, e.ProductId, e.ProductIdType, e.OpenDate, e.FulfillmentChannel),
        e.UpdatedAt,
        e.ETag.ToString())
    {
        StockRules = e.StockRules(),
    };

    public static Channels.StockRules StockRules(this ListingEntity e) =>
        e.StockPercentage is null && e.MaxListedQuantity is null && e.EndWhenStock is null
            ? Channels.StockRules.None
            : new Channels.StockRules(e.StockPercentage, e.MaxListedQuantity, e.EndWhenStock);

    public static string? FormatPrice(decimal? price) => price?.ToString(CultureInfo.InvariantCulture);

    public static decimal? ParsePrice(string? price) => price is null ? null : decimal.Parse(price, CultureInfo.InvariantCulture);
}
