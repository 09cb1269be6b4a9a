namespace InventoryMapping.Listings;

/// <summary>
/// An Amazon listing of a channel, as the mapping screen shows it: <paramref name="Listed"/> while it is in the
/// channel's latest complete report (else retired), with Amazon's <paramref name="Status"/> as that report said.
/// </summary>
public sealed record Listing(
    string ListingId,
    string ChannelId,
    string Sku,
    string Title,
    string? Asin,
    decimal? Price,
    int? Quantity,
    bool IsFba,
    bool Listed,
    ListingStatus Status,
    bool IgnoreSync,
    LinkedItem? LinkedItem,
    ListingSyncStatus? SyncStatus,
    AmazonListingDetails Amazon,
    DateTimeOffset UpdatedAt,
    string ETag);

/// <summary>
/// The inventory item a listing is linked to, with the item's SKU and title as they are now (read when the listing is
/// read). Both are null while a deleted item's unlink job has not reached the listing yet.
/// </summary>
public sealed record LinkedItem(string ItemId, string? Sku, string? Title, DateTimeOffset? LinkedAt);

/// <summary>The last stock push of a listing: when the quantity changed, when it was last sent, and what was sent.</summary>
public sealed record ListingSyncStatus(DateTimeOffset? UpdateDate, DateTimeOffset? LastUpdate, int? Quantity, string? Error);

/// <summary>What Amazon's report says of a listing beyond the mapping fields.</summary>
public sealed record AmazonListingDetails(string? Status, string? ListingId, string? ProductId, string? ProductIdType, string? OpenDate, string? FulfillmentChannel)
{
    /// <summary><see cref="OpenDate"/> (Amazon's text, kept as it is) as a UTC instant; null when its format is not one Amazon is known to use.</summary>
    public DateTimeOffset? OpenedAt => SpApi.ReportOpenDate.ToUtc(OpenDate);
}
