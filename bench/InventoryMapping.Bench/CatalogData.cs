using InventoryMapping.Inventory;
using InventoryMapping.Listings;

namespace InventoryMapping.Bench;

/// <summary>Listings and items of a generated catalogue, as the bulk APIs take them.</summary>
public static class CatalogData
{
    public static IReadOnlyList<ListingInput> Listings(SyntheticCatalog catalog, IReadOnlyList<string> skus)
    {
        var random = catalog.Random;
        return skus.Select(sku =>
        {
            var fba = random.Next(4) == 0;
            return new ListingInput(
                sku,
                catalog.Title(sku),
                Asin: "B0" + random.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Price: Math.Round((decimal)(random.NextDouble() * 200 + 1), 2),
                Quantity: fba ? null : random.Next(0, 500),
                IsFba: fba,
                Status: ListingStatus.Active);
        }).ToList();
    }

    public static IReadOnlyList<ItemDefinition> Items(SyntheticCatalog catalog, IReadOnlyList<string> skus)
    {
        var random = catalog.Random;
        return skus.Select(sku =>
        {
            var cost = Math.Round((decimal)(random.NextDouble() * 100 + 1), 2);
            return new ItemDefinition(sku, catalog.Title(sku), PurchasePrice: cost, RetailPrice: cost * 2, Weight: Math.Round((decimal)random.NextDouble() * 5, 3));
        }).ToList();
    }
}
