namespace InventoryMapping.Jobs;

/// <summary>What processing one page of listings did: counter increments and listings to report.</summary>
public sealed record JobPageOutcome(IReadOnlyDictionary<string, long> Counts, IReadOnlyList<ReportedListing> Reported);
