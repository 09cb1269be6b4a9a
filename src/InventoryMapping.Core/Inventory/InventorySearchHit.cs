namespace InventoryMapping.Inventory;

/// <param name="Match">How it matched q; null when browsing (no q).</param>
public sealed record InventorySearchHit(string ItemId, string Sku, string Title, SearchMatch? Match);
