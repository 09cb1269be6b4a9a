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
    string ETag)
{
    /// <summary>The listing's own stock rules; a null value takes the channel's.</summary>
    public Channels.StockRules StockRules { get; init; } = Channels.StockRules.None;

    /// <summary>What the stock sync would send now and why; only on a single listing's read.</summary>
    public QuantityToList? QuantityToList { get; init; }

    /// <summary>Whether the stock sync sends this listing's quantity; only on a single listing's read.</summary>
    public SyncEligibility? SyncEligibility { get; init; }
}

/// <summary>
/// The inventory item a listing is linked to, with the item's SKU and title as they are now (read when the listing is
/// read). Both are null while a deleted item's unlink job has not reached the listing yet.
/// </summary>
public sealed record LinkedItem(string ItemId, string? Sku, string? Title, DateTimeOffset? LinkedAt);

/// <summary>
/// The last stock push of a listing (Linnworks' "Show Sync Status"): <paramref name="UpdateDate"/> when the change
/// sent last was queued, <paramref name="LastUpdate"/> when Amazon last applied one (its processing report said the
/// message succeeded), <paramref name="Quantity"/> what was submitted last, <paramref name="Error"/> Amazon's
/// <c>code: message</c> when that submission failed (null once one succeeds).
/// </summary>
public sealed record ListingSyncStatus(DateTimeOffset? UpdateDate, DateTimeOffset? LastUpdate, int? Quantity, string? Error);

/// <summary>What Amazon's report says of a listing beyond the mapping fields.</summary>
public sealed record AmazonListingDetails(string? Status, string? ListingId, string? ProductId, string? ProductIdType, string? OpenDate, string? FulfillmentChannel)
{
    /// <summary><see cref="OpenDate"/> (Amazon's text, kept as it is) as a UTC instant; null when its format is not one Amazon is known to use.</summary>
    public DateTimeOffset? OpenedAt => SpApi.ReportOpenDate.ToUtc(OpenDate);
}
