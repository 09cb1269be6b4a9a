namespace InventoryMapping.Listings;

/// <summary>What a batch upsert of listings did. Rejected rows are not written; each comes with its reason.</summary>
public sealed record ListingBatchResult(int Created, int Updated, int Unchanged, IReadOnlyList<RejectedListing> Rejected);

public sealed record RejectedListing(string? Sku, string Field, string Reason);
