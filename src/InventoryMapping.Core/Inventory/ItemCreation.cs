namespace InventoryMapping.Inventory;

/// <summary>What became of one item of a bulk create: created, or not because another item holds its SKU.</summary>
public sealed record ItemCreation(InventoryItem Item, string? DuplicateOfItemId)
{
    public bool Created => DuplicateOfItemId is null;
}
