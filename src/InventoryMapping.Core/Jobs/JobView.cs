namespace InventoryMapping.Jobs;

/// <summary>The kind-specific part of a job's status: its result counters and the parameters the API shows.</summary>
/// <param name="Match">Link All by SKU's SKU comparison; null for the other kinds, which do not compare SKUs that way.</param>
internal sealed record JobView(IReadOnlyDictionary<string, long> Result, SkuMatchMode? Match = null, string? ItemId = null, JobFile? File = null)
{
    public ImportFiles? Import { get; init; }

    /// <summary>The kind's own progress figures, when the runner's count of items processed is not what it means (an import reads its file twice).</summary>
    public JobProgress? Progress { get; init; }
}
