namespace InventoryMapping.Storage;

/// <summary>
/// One hash of a SKU's normalized form (trimmed, upper-case) places both a channel's listings and the items' SKU rows.
/// Every SKU a listing can match, exactly or normalized, has that normalized form, so the listings of one listing
/// partition can only match items whose SKU rows sit in a known, contiguous run of SKU partitions: bulk jobs read
/// those few partitions once instead of making one point read per listing.
/// </summary>
public static class SkuBucket
{
    public const int Count = 256;

    /// <summary>What `match=normalized` compares: trimmed and case-folded.</summary>
    public static string Normalized(string sku) => sku.Trim().ToUpperInvariant();

    public static int Of(string sku) => StableHash.Bucket(Normalized(sku), Count);
}
