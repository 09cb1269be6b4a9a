namespace InventoryMapping.Jobs;

/// <summary>The kind-specific part of a job's status: its result counters and the parameters the API shows.</summary>
internal sealed record JobView(IReadOnlyDictionary<string, long> Result, SkuMatchMode Match = SkuMatchMode.Exact, string? ItemId = null, JobFile? File = null)
{
    public ImportFiles? Import { get; init; }
}
