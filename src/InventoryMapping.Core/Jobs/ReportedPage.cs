namespace InventoryMapping.Jobs;

/// <summary>A page of a job's reported rows, and the token of the next page (null after the last).</summary>
public sealed record ReportedPage(IReadOnlyList<ReportedListing> Items, string? ContinuationToken);
