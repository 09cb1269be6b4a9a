namespace InventoryMapping.SpApi;

/// <summary>One row of the All Listings Report (GET_MERCHANT_LISTINGS_ALL_DATA), by header name; absent columns are null.</summary>
/// <param name="Quantity">Empty for FBA rows: Amazon holds that stock.</param>
/// <param name="OpenDate">As Amazon writes it (locale and zone abbreviation vary, e.g. <c>2024-03-10 20:11:24 PST</c>).</param>
/// <param name="OpenedAt"><paramref name="OpenDate"/> as a UTC instant, when it is in one of Amazon's known formats.</param>
public sealed record AmazonListingRow(
    string Sku,
    string? Title,
    string? Asin,
    decimal? Price,
    int? Quantity,
    string? FulfillmentChannel,
    string? Status,
    string? ListingId,
    string? ProductId,
    string? ProductIdType,
    string? OpenDate,
    DateTimeOffset? OpenedAt = null)
{
    /// <summary>Fulfilled by Amazon: any fulfillment-channel other than <c>DEFAULT</c> (merchant-fulfilled), e.g. <c>AMAZON_EU</c>.</summary>
    public bool IsFba => !string.IsNullOrEmpty(FulfillmentChannel) && !string.Equals(FulfillmentChannel, "DEFAULT", StringComparison.OrdinalIgnoreCase);
}
