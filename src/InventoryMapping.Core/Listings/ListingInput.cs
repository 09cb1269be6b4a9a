namespace InventoryMapping.Listings;

/// <summary>A listing as Amazon describes it: the fields a report (or, for now, a caller) supplies.</summary>
public sealed record ListingInput(
    string? Sku,
    string? Title,
    string? Asin = null,
    decimal? Price = null,
    int? Quantity = null,
    bool? IsFba = null,
    bool? IsActive = null,
    AmazonListingDetails? Amazon = null);
