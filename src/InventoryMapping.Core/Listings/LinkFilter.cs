namespace InventoryMapping.Listings;

public enum LinkFilter
{
    All,
    Linked,
    Unlinked,
}
