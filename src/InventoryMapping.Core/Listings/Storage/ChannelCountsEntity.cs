using System.Text.Json;
using Azure;
using Azure.Data.Tables;

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

    /// <summary>JSON array of <see cref="ListingShard.Count"/> <see cref="ShardCounts"/>, by shard.</summary>
    public string Shards { get; set; } = "[]";

    /// <summary>The partitions' counts; all empty for a row not written yet (a channel no listing was written to).</summary>
    public ShardCounts[] ReadShards()
    {
        var shards = JsonSerializer.Deserialize<ShardCounts[]>(Shards) ?? [];
        return shards.Length == ListingShard.Count ? shards : [.. Enumerable.Repeat(ShardCounts.Empty, ListingShard.Count)];
    }

    public void WriteShards(ShardCounts[] shards) => Shards = JsonSerializer.Serialize(shards);

    public ChannelCountsEntity Clone() => (ChannelCountsEntity)MemberwiseClone();
}
