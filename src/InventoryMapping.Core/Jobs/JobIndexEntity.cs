using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Jobs;

/// <summary>
/// An index of jobs, newest first, in the Jobs table: a channel's jobs in partition <c>channel-{channelId}</c>, jobs
/// tied to no channel (reservation sweeps) in <c>kind-{kind}</c> (neither is ever a job id: those are hex); row key
/// inverted creation ticks (19 digits) <c>-</c> job id. It points at the job's row.
/// </summary>
internal sealed class JobIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string JobId { get; set; } = "";

    public static string OfChannel(string channelId) => "channel-" + channelId;

    public static string OfKind(JobKind kind) => "kind-" + kind;

    public static JobIndexEntity Of(JobEntity job) => new()
    {
        PartitionKey = job.ChannelId.Length > 0 ? OfChannel(job.ChannelId) : OfKind(Enum.Parse<JobKind>(job.Kind)),
        RowKey = (DateTimeOffset.MaxValue.UtcTicks - job.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + job.JobId,
        JobId = job.JobId,
    };
}
