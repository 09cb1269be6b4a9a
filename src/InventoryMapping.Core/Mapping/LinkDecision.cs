using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Mapping;

/// <summary>What a bulk job decided for one listing: link it to <paramref name="Item"/>, or report it with a reason.</summary>
internal sealed record LinkDecision(ListingEntity Listing, ItemReference? Item, string Outcome, IReadOnlyList<string> ItemIds);
