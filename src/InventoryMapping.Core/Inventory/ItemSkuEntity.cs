using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Inventory;

/// <summary>
/// A row of the ItemSkus table. Unique rows ("u" partitions) reserve a SKU for one item; normalized rows ("n"
/// partitions) list every item whose SKU normalizes to the row key.
/// </summary>
internal sealed class ItemSkuEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Unique rows: the item holding the SKU.</summary>
    public string? ItemId { get; set; }

    /// <summary>Unique rows: false until the item itself is written; such a row may be left over from a crash.</summary>
    public bool Committed { get; set; }

    /// <summary>Unique rows: the SKU as the item spells it.</summary>
    public string? Sku { get; set; }

    /// <summary>Normalized rows: comma-separated ids of the items sharing the normalized SKU.</summary>
    public string? ItemIds { get; set; }
}
