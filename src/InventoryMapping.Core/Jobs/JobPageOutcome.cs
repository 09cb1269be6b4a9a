namespace InventoryMapping.Jobs;

/// <summary>What processing one page of listings did: counter increments and listings to report.</summary>
public sealed record JobPageOutcome(IReadOnlyDictionary<string, long> Counts, IReadOnlyList<ReportedListing> Reported)
{
    public static readonly JobPageOutcome None = new(new Dictionary<string, long>(), []);

    /// <summary>Both outcomes together, as if one page.</summary>
    public JobPageOutcome Plus(JobPageOutcome other) => new(
        Counts.Concat(other.Counts).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)),
        [.. Reported, .. other.Reported]);
}
