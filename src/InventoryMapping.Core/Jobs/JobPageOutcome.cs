namespace InventoryMapping.Jobs;

/// <summary>What a kind did with one page: its typed result and the listings to report.</summary>
internal sealed record JobPageOutcome<TResult>(TResult Result, IReadOnlyList<ReportedListing> Reported)
    where TResult : IJobResult<TResult>
{
    public static JobPageOutcome<TResult> Of(TResult result) => new(result, []);
}
