using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Jobs;

/// <summary>
/// Row of the Jobs table: partition = job id, row key "job". Also the job's checkpoint. What is particular to a
/// kind is in <see cref="Parameters"/> and <see cref="Result"/>, versioned JSON documents the kind reads.
/// </summary>
internal sealed class JobEntity : ITableEntity
{
    public const string Row = "job";
    public const int ReportedSampleSize = 50;

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string Status { get; set; } = nameof(JobStatus.Queued);

    public bool DryRun { get; set; }

    /// <summary>The kind's parameters, JSON (see <see cref="JobDocument"/>).</summary>
    public string? Parameters { get; set; }

    /// <summary>The kind's result so far, JSON (see <see cref="JobDocument"/>).</summary>
    public string Result { get; set; } = "";

    public long Done { get; set; }

    public long Total { get; set; }

    /// <summary>The total estimated at the start, kept when the job finished with another count (see <see cref="JobProgress.Estimated"/>).</summary>
    public long? EstimatedTotal { get; set; }

    /// <summary>JSON array: the first reported rows; all of them are in the job's reported stream.</summary>
    public string ReportedSample { get; set; } = "[]";

    public long ReportedCount { get; set; }

    /// <summary>Parts of the work source the job has finished, one bit each.</summary>
    public long PartsDone { get; set; }

    /// <summary>JSON object: for each part under way, the cursor of its next page.</summary>
    public string PartCursors { get; set; } = "{}";

    /// <summary>Number of pages processed; names the next page's reported-rows blob.</summary>
    public int Pages { get; set; }

    /// <summary>A runner holds the job until then; another delivery of its message waits.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Names the current holding of the lease; the holder's watch message carries it (see <see cref="JobMessage"/>).</summary>
    public string? LeaseId { get; set; }

    /// <summary>When the runner that holds the lease last showed it was alive (a checkpoint).</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Attempts that ended in an exception; at <see cref="JobRunner.MaxFailedAttempts"/> the job is failed.</summary>
    public int FailedAttempts { get; set; }

    public string JobId => PartitionKey;

    public JobStatus JobStatus => Enum.Parse<JobStatus>(Status);

    public bool IsFinished => JobStatus is JobStatus.Succeeded or JobStatus.Failed;

    public List<ReportedListing> Sample() => JsonSerializer.Deserialize<List<ReportedListing>>(ReportedSample) ?? [];

    public Job ToJob(JobView view, DateTimeOffset now) => new(
        PartitionKey,
        Enum.Parse<JobKind>(Kind),
        ChannelId,
        ShownStatus(now),
        DryRun,
        view.Match,
        view.Progress ?? new JobProgress(Done, Total) { Estimated = EstimatedTotal },
        view.Result,
        Sample(),
        ReportedCount,
        CreatedAt,
        StartedAt,
        FinishedAt,
        Error,
        view.ItemId)
    {
        StalledSince = ShownStatus(now) == JobStatus.Stalled ? HeartbeatAt ?? StartedAt : null,
        LeaseUntil = JobStatus == JobStatus.Running ? LeaseUntil : null,
        Import = view.Import,
        File = JobStatus == JobStatus.Succeeded ? view.File : null,
    };

    /// <summary>
    /// Running with a lease that has run out: the runner holding it died (a live one renews it at every checkpoint),
    /// and nobody has taken the job over yet.
    /// </summary>
    private JobStatus ShownStatus(DateTimeOffset now) =>
        JobStatus == JobStatus.Running && LeaseUntil is { } until && until <= now ? JobStatus.Stalled : JobStatus;
}
