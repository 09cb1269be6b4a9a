using System.Globalization;

namespace InventoryMapping.AmazonSandbox;

/// <summary>The columns of a GET_MERCHANT_LISTINGS_ALL_DATA document in the order a <see cref="SandboxDocumentFormat"/> asks for.</summary>
internal static class ListingsDocumentColumns
{
    /// <summary>The canonical 29-column header, in Amazon's order.</summary>
    public static readonly string[] Canonical =
    [
        "item-name", "item-description", "listing-id", "seller-sku", "price", "quantity", "open-date", "image-url",
        "item-is-marketplace", "product-id-type", "zshop-shipping-fee", "item-note", "item-condition", "zshop-category1",
        "zshop-browse-path", "zshop-storefront-feature", "asin1", "asin2", "asin3", "will-ship-internationally",
        "expedited-shipping", "zshop-boldface", "product-id", "bid-for-featured-placement", "add-delete",
        "pending-quantity", "fulfillment-channel", "merchant-shipping-group", "status",
    ];

    /// <summary>Japanese-locale names of the columns (JP documents requested without an English locale).</summary>
    public static readonly IReadOnlyDictionary<string, string> Japanese = new Dictionary<string, string>
    {
        ["item-name"] = "商品名", ["item-description"] = "商品説明", ["listing-id"] = "出品ID", ["seller-sku"] = "出品者SKU",
        ["price"] = "価格", ["quantity"] = "数量", ["open-date"] = "出品日", ["product-id-type"] = "商品IDタイプ",
        ["item-note"] = "コンディション説明", ["item-condition"] = "コンディション", ["asin1"] = "ASIN 1", ["asin2"] = "ASIN 2",
        ["asin3"] = "ASIN 3", ["product-id"] = "商品ID", ["fulfillment-channel"] = "フルフィルメント・チャンネル", ["status"] = "ステータス",
    };

    public static string[] For(SandboxDocumentFormat format)
    {
        var columns = Canonical.Where(c => !(format.OmitStatusColumn && c == "status")).ToList();
        if (format.ExtraColumns)
        {
            columns.Insert(columns.IndexOf("merchant-shipping-group"), "Business Price");
            columns.AddRange(["Minimum order quantity", "Sell remainder"]);
        }

        if (format.ShuffleColumns)
        {
            var shuffled = columns.ToArray();
            new Random(20210630).Shuffle(shuffled);
            return shuffled;
        }

        return [.. columns];
    }

    public static string Value(SandboxListing listing, string column) => column switch
    {
        "item-name" => listing.Title,
        "item-description" => listing.Description,
        "listing-id" => listing.ListingId,
        "seller-sku" => listing.Sku,
        "price" => listing.Price.ToString("0.00", CultureInfo.InvariantCulture),
        "price,decimal-comma" => listing.Price.ToString("0.00", CultureInfo.GetCultureInfo("de-DE")),
        "quantity" => listing.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "",
        "open-date" => listing.OpenDate,
        "item-is-marketplace" => "y",
        "product-id-type" => listing.ProductIdType,
        "item-condition" => "11",
        "asin1" => listing.Asin,
        "product-id" => listing.ProductId,
        "pending-quantity" => "0",
        "fulfillment-channel" => listing.FulfillmentChannel,
        "merchant-shipping-group" => "Migrated Template",
        "status" => listing.Status,
        "Business Price" => (listing.Price * 0.95m).ToString("0.00", CultureInfo.InvariantCulture),
        "Minimum order quantity" => "1",
        _ => "",
    };
}
