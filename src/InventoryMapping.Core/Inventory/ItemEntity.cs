using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Inventory;

/// <summary>Row of the Items table: partition = first two hex digits of the id, row key = id.</summary>
internal sealed class ItemEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Sku { get; set; } = "";

    public string Title { get; set; } = "";

    // Decimals as invariant text: the Tables SDK cannot store decimal.
    public string PurchasePrice { get; set; } = "0";

    public string RetailPrice { get; set; } = "0";

    public string Description { get; set; } = "";

    public string Weight { get; set; } = "0";

    public string TaxRate { get; set; } = "-1";

    /// <summary>JSON object: location id → stock level.</summary>
    public string StockLevels { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set by the first step of a deletion: from then on the item reads as gone (see ItemDeletion).</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
