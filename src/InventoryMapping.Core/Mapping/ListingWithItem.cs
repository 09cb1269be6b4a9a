using InventoryMapping.Inventory;
using InventoryMapping.Listings;

namespace InventoryMapping.Mapping;

public sealed record ListingWithItem(Listing Listing, InventoryItem Item);
