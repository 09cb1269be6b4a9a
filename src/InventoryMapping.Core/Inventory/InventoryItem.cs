namespace InventoryMapping.Inventory;

/// <summary>A stock item of the seller's own inventory. <paramref name="TaxRate"/> -1 means the system default.</summary>
public sealed record InventoryItem(
    string ItemId,
    string Sku,
    string Title,
    decimal PurchasePrice,
    decimal RetailPrice,
    string Description,
    decimal Weight,
    decimal TaxRate,
    IReadOnlyDictionary<string, int> StockLevels,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string ETag);
