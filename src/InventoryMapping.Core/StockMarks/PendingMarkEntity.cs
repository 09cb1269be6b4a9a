using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.StockMarks;

/// <summary>Row of the StockSyncPending table: a listing whose quantity to list may have changed. Partition = the listing's (ListingPartition), row key = listing id.</summary>
internal sealed class PendingMarkEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset MarkedAt { get; set; }

    /// <summary>Send even if the quantity is what Amazon has (Force Update); a later ordinary mark keeps it.</summary>
    public bool Force { get; set; }
}
