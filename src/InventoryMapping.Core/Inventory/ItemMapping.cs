using System.Globalization;
using System.Text.Json;

namespace InventoryMapping.Inventory;

internal static class ItemMapping
{
    public static InventoryItem ToItem(this ItemEntity e) => new(
        e.RowKey,
        e.Sku,
        e.Title,
        Parse(e.PurchasePrice),
        Parse(e.RetailPrice),
        e.Description,
        Parse(e.Weight),
        Parse(e.TaxRate),
        JsonSerializer.Deserialize<Dictionary<string, int>>(e.StockLevels) ?? [],
        e.CreatedAt,
        e.UpdatedAt,
        e.ETag.ToString());

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatStock(IReadOnlyDictionary<string, int> levels) =>
        JsonSerializer.Serialize(levels.OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary());

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
