using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Inventory;

/// <summary>
/// One suffix of an item's upper-cased SKU. Partition "s" + first character of the encoded suffix; row key =
/// encoded suffix + '!' + item id. "SKU contains q" is "some suffix starts with q": one row-key range query.
/// </summary>
internal sealed class ItemSearchEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ItemId { get; set; } = "";

    public string Sku { get; set; } = "";

    /// <summary>Where the suffix starts in the SKU (0 = the whole SKU, a prefix match).</summary>
    public int Offset { get; set; }
}
