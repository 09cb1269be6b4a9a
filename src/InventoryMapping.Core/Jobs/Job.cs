namespace InventoryMapping.Jobs;

/// <summary>A bulk operation over a channel's listings, as its status endpoint shows it.</summary>
public sealed record Job(
    string JobId,
    JobKind Kind,
    string ChannelId,
    JobStatus Status,
    bool DryRun,
    SkuMatchMode Match,
    JobProgress Progress,
    IReadOnlyDictionary<string, long> Result,
    IReadOnlyList<ReportedListing> Reported,
    long ReportedCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? ItemId = null);

public sealed record JobProgress(long Done, long Total);
