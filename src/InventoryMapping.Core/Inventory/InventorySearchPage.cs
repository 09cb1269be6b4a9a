namespace InventoryMapping.Inventory;

/// <summary>Hits ranked exact, then prefix, then contains (each in SKU order). Only a null token means the end.</summary>
public sealed record InventorySearchPage(IReadOnlyList<InventorySearchHit> Items, string? ContinuationToken);
