using InventoryMapping.Channels;

namespace InventoryMapping.Functions.Listings;

/// <summary>Body of PATCH on a listing: the user-owned settings that can be changed; <c>stockRules</c> replaces the listing's overrides as a whole.</summary>
public sealed record ListingPatch(bool? IgnoreSync, StockRules? StockRules = null);
