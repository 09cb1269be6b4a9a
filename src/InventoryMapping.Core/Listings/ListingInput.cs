namespace InventoryMapping.Listings;

/// <summary>A listing as Amazon describes it: the fields a report (or, for now, a caller) supplies. Written, it is listed.</summary>
public sealed record ListingInput(
    string? Sku,
    string? Title,
    string? Asin = null,
    decimal? Price = null,
    int? Quantity = null,
    bool? IsFba = null,
    ListingStatus? Status = null,
    AmazonListingDetails? Amazon = null);
