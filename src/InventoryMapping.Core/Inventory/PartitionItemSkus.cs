namespace InventoryMapping.Inventory;

/// <summary>
/// The SKU rows of every item a listing of one listing partition can match (see <see cref="Storage.SkuBucket"/>),
/// read whole so that a bulk job decides each listing of the partition without a storage request of its own.
/// </summary>
internal sealed class PartitionItemSkus
{
    private readonly Dictionary<string, ItemSkuEntity> _reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemSkuEntity> _committedByItemId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _normalizedMatches = new(StringComparer.Ordinal);

    public PartitionItemSkus(int partition, IEnumerable<ItemSkuEntity> rows)
    {
        Partition = partition;
        foreach (var row in rows)
        {
            if (row.PartitionKey.StartsWith(ItemSkuKeys.NormalizedKind, StringComparison.Ordinal))
            {
                _normalizedMatches[row.RowKey] = InventoryStore.Split(row.ItemIds);
                continue;
            }

            _reservations[row.RowKey] = row;
            if (row is { Committed: true, ItemId: { } itemId })
            {
                _committedByItemId[itemId] = row;
            }
        }
    }

    public int Partition { get; }

    /// <summary>The row reserving <paramref name="sku"/> (ignoring case), if any; it may be uncommitted.</summary>
    public ItemSkuEntity? Reservation(string sku) => _reservations.GetValueOrDefault(ItemSkuKeys.UniqueRow(sku).RowKey);

    /// <summary>Ids of the items whose SKU, trimmed and case-folded, equals <paramref name="sku"/>'s.</summary>
    public IReadOnlyList<string> NormalizedMatches(string sku) => _normalizedMatches.GetValueOrDefault(ItemSkuKeys.NormalizedRow(sku).RowKey) ?? [];

    /// <summary>The item with this id as its committed reservation names it, if it is one of this partition's.</summary>
    public ItemReference? CommittedItem(string itemId) =>
        _committedByItemId.TryGetValue(itemId, out var row) ? new ItemReference(itemId, row.Sku!) : null;
}
