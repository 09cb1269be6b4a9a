namespace InventoryMapping.Inventory;

/// <summary>How a search hit matched: the whole SKU, its start, or somewhere inside.</summary>
public enum SkuMatch
{
    Exact,
    Prefix,
    Contains,
}
