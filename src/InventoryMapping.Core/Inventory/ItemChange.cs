namespace InventoryMapping.Inventory;

/// <summary>
/// What search knows of an item after one write: its SKU and title, or that it is gone. <paramref name="Ticks"/> is
/// when the change was logged (UTC ticks): the later of two changes to one item wins.
/// </summary>
internal sealed record ItemChange(string ItemId, string Sku, string Title, bool Deleted, long Ticks)
{
    private string? _upperSku;
    private string? _title;

    public string UpperSku => _upperSku ??= SearchText.Sku(Sku);

    public string NormalizedTitle => _title ??= SearchText.Title(Title);

    public ulong Key => ItemSearchCatalog.IdKey(ItemId);
}
