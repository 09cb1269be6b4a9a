namespace InventoryMapping.Inventory;

/// <summary>An item's id and SKU: what a link needs.</summary>
public sealed record ItemReference(string ItemId, string Sku);
