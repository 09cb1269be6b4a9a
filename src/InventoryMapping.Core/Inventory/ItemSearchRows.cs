using InventoryMapping.Storage;

namespace InventoryMapping.Inventory;

internal static class ItemSearchRows
{
    /// <summary>Sorts below every character of an encoded key, so a shorter suffix comes before its extensions.</summary>
    public const char Separator = '!';

    /// <summary>One row per suffix of the upper-cased SKU, cut at character (rune) boundaries.</summary>
    public static IEnumerable<ItemSearchEntity> For(string itemId, string sku)
    {
        var upper = ItemSkuKeys.Unique(sku);
        var offset = 0;
        foreach (var rune in upper.EnumerateRunes())
        {
            var suffix = TableKey.Encode(upper[offset..]);
            yield return new ItemSearchEntity
            {
                PartitionKey = PartitionFor(suffix),
                RowKey = suffix + Separator + itemId,
                ItemId = itemId,
                Sku = sku,
                Offset = offset,
            };
            offset += rune.Utf16SequenceLength;
        }
    }

    public static string PartitionFor(string encodedText) => "s" + encodedText[0];

    /// <summary>Where <paramref name="query"/> first occurs in the SKU, ignoring case; -1 if nowhere.</summary>
    public static int FirstOffset(string sku, string query) =>
        ItemSkuKeys.Unique(sku).IndexOf(ItemSkuKeys.Unique(query), StringComparison.Ordinal);

}
