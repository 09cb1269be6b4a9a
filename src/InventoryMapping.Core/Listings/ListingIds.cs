using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>
/// A listing id is the seller SKU in <see cref="TableKey"/> form: safe in URLs and table keys, readable, and it
/// decodes back to the exact SKU, so nothing about the SKU is lost or altered.
/// </summary>
public static class ListingIds
{
    public static string FromSku(string sku) => TableKey.Encode(sku);

    public static bool TryGetSku(string? listingId, out string sku)
    {
        sku = "";
        return listingId is not null && TableKey.TryDecode(listingId, out sku) && AmazonSku.Problem(sku) is null;
    }
}
