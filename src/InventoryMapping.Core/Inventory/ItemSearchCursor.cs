namespace InventoryMapping.Inventory;

/// <summary>Where a page of hits ended: the last hit's match and key. The next page starts after it, whatever changed meanwhile.</summary>
internal sealed record ItemSearchCursor(SearchMatch Match, string UpperSku, ulong Id);
