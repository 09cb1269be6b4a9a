namespace InventoryMapping.Jobs;

/// <summary>A bulk operation over a channel's listings, as its status endpoint shows it.</summary>
public sealed record Job(
    string JobId,
    JobKind Kind,
    string ChannelId,
    JobStatus Status,
    bool DryRun,
    SkuMatchMode? Match,
    JobProgress Progress,
    IReadOnlyDictionary<string, long> Result,
    IReadOnlyList<ReportedListing> Reported,
    long ReportedCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? ItemId = null)
{
    /// <summary>While <see cref="JobStatus.Stalled"/>: the last time its runner was seen alive.</summary>
    public DateTimeOffset? StalledSince { get; init; }

    /// <summary>While running or stalled: until when the current runner holds the job; another takes it over after.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>An import's files: the source it read, and its errors and result files once written.</summary>
    public ImportFiles? Import { get; init; }

    /// <summary>Once succeeded, the file the job wrote (an export's CSV), with a download link.</summary>
    public JobFile? File { get; init; }
}

public sealed record JobProgress(long Done, long Total)
{
    /// <summary>
    /// Set when a job finished with a count other than the one estimated at its start (listings were linked, added
    /// or retired while it ran): the estimate. At the end Done = Total.
    /// </summary>
    public long? Estimated { get; init; }

    /// <summary>An import's rows applied so far (its second pass); <see cref="Done"/> is then the rows read by its first.</summary>
    public long? Applied { get; init; }
}
