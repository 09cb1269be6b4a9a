namespace InventoryMapping.Inventory;

/// <summary>How a search hit matched, best first: the whole SKU, its start, somewhere inside it, or a word of the title.</summary>
public enum SearchMatch
{
    Exact,
    Prefix,
    Contains,
    Title,
}
