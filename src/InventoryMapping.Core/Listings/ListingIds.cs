using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>
/// A listing id is the seller SKU in <see cref="TableKey"/> form: safe in URLs and table keys, readable, and it
/// decodes back to the exact SKU, so nothing about the SKU is lost or altered.
/// </summary>
public static class ListingIds
{
    public static string FromSku(string sku) => TableKey.Encode(sku);

    /// <summary>A listing that does not exist, with how ids are formed, since a client that built one wrongly asks for a listing that does.</summary>
    public static DomainError NotFound(string channelId, string listingId) => new(
        DomainErrorKind.NotFound,
        "Listing not found",
        $"Channel '{channelId}' has no listing '{listingId}'. A listing id is the seller SKU with letters, digits, '-', '.' and '_' "
        + "kept and every other byte of its UTF-8 written as ~ and two upper-case hex digits: SKU 'a/b c' is listing 'a~2Fb~20c'. "
        + $"To look a listing up by its SKU as it is, GET /api/channels/{channelId}/listings?sku=… (URL-encoded as any query value).");

    public static bool TryGetSku(string? listingId, out string sku)
    {
        sku = "";
        return listingId is not null && TableKey.TryDecode(listingId, out sku) && AmazonSku.Problem(sku) is null;
    }
}
