namespace InventoryMapping.Inventory;

/// <summary>One hit of the in-process index, with the key it sorts by.</summary>
internal sealed record ItemSearchFound(ulong Id, string Sku, string Title, string UpperSku, SearchMatch Match)
{
    public ItemSearchCursor Cursor => new(Match, UpperSku, Id);
}
