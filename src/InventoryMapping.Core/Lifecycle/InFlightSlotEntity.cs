using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Lifecycle;

/// <summary>A channel's in-flight slot of one operation: row <c>!slot:{operation}</c> in the channel's partition of the operation's table.</summary>
internal sealed class InFlightSlotEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The request in flight (at most one), or null.</summary>
    public string? InFlightRequestId { get; set; }

    /// <summary>When the newest completed request's result is from (for listings: the report's time).</summary>
    public DateTimeOffset? AsOf { get; set; }

    public static string RowKeyOf(string operation) => "!slot:" + operation;
}
