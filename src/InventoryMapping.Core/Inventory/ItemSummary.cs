namespace InventoryMapping.Inventory;

/// <summary>An item's current SKU and title: what a listing linked to it shows (read when shown, never copied).</summary>
public sealed record ItemSummary(string ItemId, string Sku, string Title);
