using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// Row of the Channels table (partition <see cref="Partition"/>, row key = channel id): the counts of each of the
/// channel's listing partitions, published by the writers (see <see cref="ListingCountsRollup"/>).
/// </summary>
internal sealed class ChannelCountsEntity : ITableEntity
{
    public const string Partition = "counts";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>JSON array of <see cref="ListingPartition.Count"/> <see cref="PartitionCounts"/>, by partition.</summary>
    public string Partitions { get; set; } = "[]";

    /// <summary>The partitions' counts; all empty for a row not written yet (a channel no listing was written to).</summary>
    public PartitionCounts[] ReadPartitions()
    {
        var partitions = JsonSerializer.Deserialize<PartitionCounts[]>(Partitions) ?? [];
        return partitions.Length == ListingPartition.Count ? partitions : [.. Enumerable.Repeat(PartitionCounts.Empty, ListingPartition.Count)];
    }

    public void WritePartitions(PartitionCounts[] partitions) => Partitions = JsonSerializer.Serialize(partitions);

    public ChannelCountsEntity Clone() => (ChannelCountsEntity)MemberwiseClone();
}
