using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Jobs;

/// <summary>Row of the Jobs table: partition = job id, row key "job". Also the job's checkpoint.</summary>
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

    public string Match { get; set; } = nameof(SkuMatchMode.Exact);

    /// <summary><see cref="JobKind.UnlinkDeletedItem"/>: the deleted item.</summary>
    public string? ItemId { get; set; }

    public long Done { get; set; }

    public long Total { get; set; }

    /// <summary>JSON object of result counters.</summary>
    public string Counts { get; set; } = "{}";

    /// <summary>JSON array: the first reported listings; the full list is in the job's blobs.</summary>
    public string ReportedSample { get; set; } = "[]";

    public long ReportedCount { get; set; }

    /// <summary>Listing partitions the job has finished, one bit each.</summary>
    public long ShardsDone { get; set; }

    /// <summary>JSON object: for each listing partition under way, the storage continuation of its next page.</summary>
    public string ShardCursors { get; set; } = "{}";

    /// <summary>Number of pages processed; names the next page's report blob.</summary>
    public int Pages { get; set; }

    /// <summary>A runner holds the job until then; another delivery of its message waits.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Attempts that ended in an exception; at <see cref="JobRunner.MaxFailedAttempts"/> the job is failed.</summary>
    public int FailedAttempts { get; set; }

    public string JobId => PartitionKey;

    public JobStatus JobStatus => Enum.Parse<JobStatus>(Status);

    public bool IsFinished => JobStatus is JobStatus.Succeeded or JobStatus.Failed;

    public Dictionary<string, long> CountsMap() => JsonSerializer.Deserialize<Dictionary<string, long>>(Counts) ?? [];

    public Job ToJob() => new(
        PartitionKey,
        Enum.Parse<JobKind>(Kind),
        ChannelId,
        JobStatus,
        DryRun,
        Enum.Parse<SkuMatchMode>(Match),
        new JobProgress(Done, Total),
        CountsMap(),
        JsonSerializer.Deserialize<List<ReportedListing>>(ReportedSample) ?? [],
        ReportedCount,
        CreatedAt,
        StartedAt,
        FinishedAt,
        Error,
        ItemId);
}
