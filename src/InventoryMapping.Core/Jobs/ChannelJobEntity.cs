using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Jobs;

/// <summary>
/// A channel's index of its jobs, newest first, in the Jobs table: partition <c>channel-{channelId}</c> (never a job
/// id: those are hex), row key inverted creation ticks (19 digits) <c>-</c> job id. It points at the job's row.
/// </summary>
internal sealed class ChannelJobEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string JobId { get; set; } = "";

    public static string PartitionOf(string channelId) => "channel-" + channelId;

    public static ChannelJobEntity Of(JobEntity job) => new()
    {
        PartitionKey = PartitionOf(job.ChannelId),
        RowKey = (DateTimeOffset.MaxValue.UtcTicks - job.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + job.JobId,
        JobId = job.JobId,
    };
}
