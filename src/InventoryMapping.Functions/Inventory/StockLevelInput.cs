namespace InventoryMapping.Functions.Inventory;

/// <summary>Body of PUT on an item's stock at a location.</summary>
public sealed record StockLevelInput(int? Level);
