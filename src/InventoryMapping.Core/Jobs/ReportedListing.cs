namespace InventoryMapping.Jobs;

/// <summary>A listing a job left alone and why, with the items involved.</summary>
public sealed record ReportedListing(string ListingId, string Sku, string Reason, IReadOnlyList<string> ItemIds);
