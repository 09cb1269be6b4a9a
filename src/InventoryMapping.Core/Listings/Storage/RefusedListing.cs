namespace InventoryMapping.Listings.Storage;

/// <summary>A listing whose decision refused to change it, and why.</summary>
internal sealed record RefusedListing(string ListingId, DomainError Error);
