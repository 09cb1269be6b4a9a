namespace InventoryMapping.Listings.Storage;

/// <summary>What <see cref="ListingWriter.WritePartitionAsync"/> did: the changes it wrote, and the listings whose decision refused.</summary>
internal sealed record PartitionWrite(IReadOnlyList<ListingChange> Written, IReadOnlyList<RefusedListing> Refused);

