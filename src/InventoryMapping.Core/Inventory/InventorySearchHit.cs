namespace InventoryMapping.Inventory;

public sealed record InventorySearchHit(string ItemId, string Sku, string Title, SearchMatch Match);
