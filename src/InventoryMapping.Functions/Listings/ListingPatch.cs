namespace InventoryMapping.Functions.Listings;

/// <summary>Body of PATCH on a listing: the user-owned flags that can be changed.</summary>
public sealed record ListingPatch(bool? IgnoreSync);
