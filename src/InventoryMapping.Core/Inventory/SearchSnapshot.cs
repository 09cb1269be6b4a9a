namespace InventoryMapping.Inventory;

/// <summary>
/// A search snapshot as read: the catalog, the time up to which it holds every logged change, and when its chain of
/// snapshots was last built from the Items table.
/// </summary>
internal sealed record SearchSnapshot(ItemSearchCatalog Catalog, DateTimeOffset HighWaterMark, DateTimeOffset RebuiltAt);
