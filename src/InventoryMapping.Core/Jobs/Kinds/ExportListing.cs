using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>A listing an export writes, with the block of the file its row goes into: block <paramref name="Block"/> of part <paramref name="Part"/>.</summary>
internal sealed record ExportListing(ListingEntity Listing, int Part, int Block);
