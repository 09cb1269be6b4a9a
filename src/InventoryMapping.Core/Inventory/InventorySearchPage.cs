namespace InventoryMapping.Inventory;

/// <summary>Hits ranked exact, prefix, contains, then title (each in upper-cased SKU order). Only a null token means the end.</summary>
public sealed record InventorySearchPage(IReadOnlyList<InventorySearchHit> Items, string? ContinuationToken);
