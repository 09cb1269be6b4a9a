namespace InventoryMapping.Jobs;

/// <summary>What processing one page did: how many items it went through, the next cursor of its part, the kind's result for the page, and rows to report.</summary>
internal sealed record JobPage(int Processed, string? Next, object Result, IReadOnlyList<ReportedListing> Reported);
