using InventoryMapping.Storage;

namespace InventoryMapping.Inventory;

/// <summary>
/// Keys of the ItemSkus table: the unique (case-insensitive) SKU reservation ("u" partitions) and the normalized
/// lookup ("n" partitions), both partitioned by the SKU's <see cref="SkuBucket"/> like the listings that match them.
/// </summary>
internal static class ItemSkuKeys
{
    public const string UniqueKind = "u";
    public const string NormalizedKind = "n";

    /// <summary>Case-insensitive identity of a SKU: what must be unique among items.</summary>
    public static string Unique(string sku) => sku.ToUpperInvariant();

    /// <summary>What `match=normalized` compares: trimmed and case-folded. Several items may share it.</summary>
    public static string Normalized(string sku) => SkuBucket.Normalized(sku);

    public static (string PartitionKey, string RowKey) UniqueRow(string sku) => (PartitionKey(UniqueKind, SkuBucket.Of(sku)), TableKey.Encode(Unique(sku)));

    public static (string PartitionKey, string RowKey) NormalizedRow(string sku) => (PartitionKey(NormalizedKind, SkuBucket.Of(sku)), TableKey.Encode(Normalized(sku)));

    public static string PartitionKey(string kind, int bucket) => $"{kind}{bucket:x2}";
}
