using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Inventory;

/// <summary>
/// Row of the ItemChanges table (see <see cref="ItemChangeLog"/>): partition = UTC hour + the item's partition,
/// row key = ticks (19 digits) + '-' + item id.
/// </summary>
internal sealed class ItemChangeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ItemId { get; set; } = "";

    public string Sku { get; set; } = "";

    public string Title { get; set; } = "";

    public bool Deleted { get; set; }

    public long Ticks { get; set; }
}
