namespace InventoryMapping.Inventory;

/// <summary>What a caller sends to create or replace an item. Missing optional values take the defaults of a new item.</summary>
public sealed record ItemDefinition(
    string? Sku,
    string? Title,
    decimal? PurchasePrice = null,
    decimal? RetailPrice = null,
    string? Description = null,
    decimal? Weight = null,
    decimal? TaxRate = null,
    IReadOnlyDictionary<string, int>? StockLevels = null);
