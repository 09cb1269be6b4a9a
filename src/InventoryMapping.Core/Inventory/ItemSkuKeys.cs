using InventoryMapping.Storage;

namespace InventoryMapping.Inventory;

/// <summary>Keys of the ItemSkus table: the unique (case-insensitive) SKU reservation and the normalized lookup.</summary>
internal static class ItemSkuKeys
{
    private const int Buckets = 256;

    /// <summary>Case-insensitive identity of a SKU: what must be unique among items.</summary>
    public static string Unique(string sku) => sku.ToUpperInvariant();

    /// <summary>What `match=normalized` compares: trimmed and case-folded. Several items may share it.</summary>
    public static string Loose(string sku) => sku.Trim().ToUpperInvariant();

    public static (string PartitionKey, string RowKey) UniqueRow(string sku) => Row("u", Unique(sku));

    public static (string PartitionKey, string RowKey) LooseRow(string sku) => Row("n", Loose(sku));

    private static (string, string) Row(string kind, string key)
    {
        var rowKey = TableKey.Encode(key);
        return ($"{kind}{StableHash.Bucket(rowKey, Buckets):x2}", rowKey);
    }
}
