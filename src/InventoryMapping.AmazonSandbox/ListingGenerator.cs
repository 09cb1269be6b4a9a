using System.Globalization;

namespace InventoryMapping.AmazonSandbox;

/// <summary>Deterministic listings that exercise what real catalogues contain: FBA and merchant-fulfilled rows, SKUs with URL-hostile characters, non-ASCII titles.</summary>
public static class ListingGenerator
{
    private static readonly string[] s_skuSuffixes = ["", " BLUE/XL", "#2", "?x=1", "\\A", "50%", " a/b #c?d\\e%f g"];

    private static readonly string[] s_titles =
    [
        "Kaffeebecher Größe L",
        "Crème brûlée set – „Deluxe“ €",
        "Straße & Söhne Schuh ß",
        "Plain mug",
        "日本茶 急須 (Teapot)",
        "Ça va? Ünïcödé 'quoted' \"double\"",
    ];

    private static readonly string[] s_fbaChannels = ["AMAZON_EU", "AMAZON_NA"];

    /// <summary>The listing at <paramref name="index"/>: every third is FBA (empty quantity), every tenth inactive.</summary>
    public static SandboxListing Create(int index, int seed)
    {
        var mixed = unchecked((uint)((index * 2_654_435_761L) ^ seed));
        var fba = index % 3 == 0;
        var asin = "B0" + (mixed % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        return new SandboxListing(
            Sku: $"SKU-{index:D7}{s_skuSuffixes[index % s_skuSuffixes.Length]}",
            Title: $"{s_titles[index % s_titles.Length]} {index}",
            Asin: asin,
            Price: 5m + (mixed % 100_000 / 100m),
            Quantity: fba ? null : (int)(mixed % 50),
            FulfillmentChannel: fba ? s_fbaChannels[index / 3 % s_fbaChannels.Length] : "DEFAULT",
            Status: index % 10 == 9 ? "Inactive" : "Active",
            ListingId: $"{index:D6}{mixed % 1000:D3}QX",
            Description: index % 4 == 0 ? "" : "Beschreibung mit Umlauten äöü",
            OpenDate: $"2024-{1 + (index % 12):D2}-{1 + (index % 28):D2} 20:11:24 PST",
            ProductIdType: "1",
            ProductId: asin);
    }
}
