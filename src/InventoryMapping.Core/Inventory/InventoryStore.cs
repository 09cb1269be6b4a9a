using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Inventory;

/// <summary>Reads of inventory items: by id, by exact (case-insensitive) SKU, and by normalized SKU.</summary>
public sealed class InventoryStore(AppStorage storage)
{
    public async Task<InventoryItem?> GetAsync(string itemId, CancellationToken cancellationToken) =>
        (await GetEntityAsync(itemId, cancellationToken))?.ToItem();

    /// <summary>The item's row, unless there is none or it is being deleted.</summary>
    internal async Task<ItemEntity?> GetEntityAsync(string itemId, CancellationToken cancellationToken) =>
        await GetEntityEvenIfDeletingAsync(itemId, cancellationToken) is { DeletedAt: null } item ? item : null;

    internal async Task<ItemEntity?> GetEntityEvenIfDeletingAsync(string itemId, CancellationToken cancellationToken)
    {
        if (!ItemIds.IsValid(itemId))
        {
            return null;
        }

        var row = await storage.Items.GetEntityIfExistsAsync<ItemEntity>(ItemIds.PartitionOf(itemId), itemId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The one answer to a SKU another item has: naming that item and its SKU as stored (which may differ in case).</summary>
    public static DomainError SkuTaken(string itemId, string storedSku) =>
        DomainError.Conflict($"Item '{itemId}' already has SKU '{storedSku}' (SKUs are unique ignoring case).", "sku");

    /// <summary><see cref="SkuTaken(string, string)"/> for the item holding the SKU, read to name its SKU as stored.</summary>
    public async Task<DomainError> SkuTakenAsync(string itemId, string requestedSku, CancellationToken cancellationToken) =>
        SkuTaken(itemId, (await GetAsync(itemId, cancellationToken))?.Sku ?? requestedSku);

    /// <summary>
    /// The current SKU and title of the items, by id, for those that exist and are not being deleted: a point read of
    /// three columns per distinct item, <paramref name="readsInFlight"/> at a time.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, ItemSummary>> GetSummariesAsync(IEnumerable<string> itemIds, int readsInFlight, CancellationToken cancellationToken)
    {
        var summaries = new System.Collections.Concurrent.ConcurrentDictionary<string, ItemSummary>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            itemIds.Where(ItemIds.IsValid).Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = readsInFlight, CancellationToken = cancellationToken },
            async (itemId, ct) =>
            {
                var row = await storage.Items.GetEntityIfExistsAsync<ItemEntity>(
                    ItemIds.PartitionOf(itemId), itemId, [nameof(ItemEntity.Sku), nameof(ItemEntity.Title), nameof(ItemEntity.DeletedAt)], ct);
                if (row is { HasValue: true, Value.DeletedAt: null })
                {
                    summaries[itemId] = new ItemSummary(itemId, row.Value.Sku, row.Value.Title);
                }
            });
        return summaries;
    }

    /// <summary>The item whose SKU equals <paramref name="sku"/> ignoring case, if any: one point read (two if the row is uncommitted).</summary>
    public async Task<ItemReference?> FindBySkuAsync(string sku, CancellationToken cancellationToken) =>
        await ResolveAsync(await GetReservationAsync(sku, cancellationToken), sku, cancellationToken);

    /// <summary>
    /// <see cref="FindBySkuAsync"/> for many SKUs at once, by <see cref="Unique"/> form: the reservations read by
    /// <see cref="KeyedReads"/> (a range query per SKU bucket where they fill it), then the items of uncommitted ones.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, ItemReference?>> FindBySkusAsync(IEnumerable<string> skus, int readsInFlight, CancellationToken cancellationToken)
    {
        var bySku = skus.DistinctBy(ItemSkuKeys.Unique).ToDictionary(ItemSkuKeys.Unique, StringComparer.Ordinal);
        var reservations = await storage.ItemSkus.ReadRowsAsync<ItemSkuEntity>(bySku.Values.Select(ItemSkuKeys.UniqueRow), readsInFlight, cancellationToken);
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, ItemReference?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            bySku,
            new ParallelOptions { MaxDegreeOfParallelism = readsInFlight, CancellationToken = cancellationToken },
            async (sku, ct) => found[sku.Key] = await ResolveAsync(reservations.GetValueOrDefault(ItemSkuKeys.UniqueRow(sku.Value)), sku.Value, ct));
        return found;
    }

    /// <summary>The items of <paramref name="itemIds"/> that exist and are not being deleted, by id, read by <see cref="KeyedReads"/>.</summary>
    internal async Task<IReadOnlyDictionary<string, ItemEntity>> GetEntitiesAsync(IEnumerable<string> itemIds, int readsInFlight, CancellationToken cancellationToken)
    {
        var rows = await storage.Items.ReadRowsAsync<ItemEntity>(
            itemIds.Where(ItemIds.IsValid).Select(id => (ItemIds.PartitionOf(id), id)), readsInFlight, cancellationToken);
        return rows.Values.Where(i => i.DeletedAt is null).ToDictionary(i => i.RowKey, StringComparer.Ordinal);
    }

    /// <summary>The key of a SKU in <see cref="FindBySkusAsync"/>'s answer: the same for SKUs that differ only in case, which are one item's.</summary>
    internal static string Unique(string sku) => ItemSkuKeys.Unique(sku);

    /// <summary>The item <paramref name="reservation"/> of <paramref name="sku"/> stands for: no read if it is committed.</summary>
    internal async ValueTask<ItemReference?> ResolveAsync(ItemSkuEntity? reservation, string sku, CancellationToken cancellationToken)
    {
        if (reservation?.ItemId is null)
        {
            return null;
        }

        if (reservation.Committed)
        {
            return new ItemReference(reservation.ItemId, reservation.Sku ?? sku);
        }

        var item = await GetEntityAsync(reservation.ItemId, cancellationToken);
        return item is not null && ItemSkuKeys.Unique(item.Sku) == ItemSkuKeys.Unique(sku) ? new ItemReference(item.RowKey, item.Sku) : null;
    }

    /// <summary>
    /// The unique and (with <paramref name="withNormalized"/>) normalized SKU rows of the SKU buckets
    /// <paramref name="skuBuckets"/> (lowest, highest), which are those listing partition <paramref name="partition"/>'s
    /// listings can match: one range query a kind.
    /// </summary>
    internal async Task<PartitionItemSkus> ReadSkusOfPartitionAsync(int partition, (int First, int Last) skuBuckets, bool withNormalized, CancellationToken cancellationToken)
    {
        var (first, last) = skuBuckets;
        var rows = new List<ItemSkuEntity>();
        foreach (var kind in withNormalized ? new[] { ItemSkuKeys.UniqueKind, ItemSkuKeys.NormalizedKind } : [ItemSkuKeys.UniqueKind])
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {ItemSkuKeys.PartitionKey(kind, first)} and PartitionKey le {ItemSkuKeys.PartitionKey(kind, last)}");
            await foreach (var row in storage.ItemSkus.QueryAsync<ItemSkuEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
        }

        return new PartitionItemSkus(partition, rows);
    }

    /// <summary>
    /// A page of the uncommitted SKU reservations in the SKU buckets <paramref name="skuBuckets"/> (lowest, highest)
    /// (a range of partitions, filtered: a sweep's read, off request paths).
    /// </summary>
    internal Task<Page<ItemSkuEntity>> ReadUncommittedReservationsPageAsync((int First, int Last) skuBuckets, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var (first, last) = skuBuckets;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {ItemSkuKeys.PartitionKey(ItemSkuKeys.UniqueKind, first)} and PartitionKey le {ItemSkuKeys.PartitionKey(ItemSkuKeys.UniqueKind, last)} and Committed eq {false}");
        return storage.ItemSkus.ReadPageAsync<ItemSkuEntity>(filter, continuation, pageSize, cancellationToken);
    }

    internal async Task<ItemSkuEntity?> GetReservationAsync(string sku, CancellationToken cancellationToken)
    {
        var (partition, row) = ItemSkuKeys.UniqueRow(sku);
        var entity = await storage.ItemSkus.GetEntityIfExistsAsync<ItemSkuEntity>(partition, row, cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value : null;
    }

    internal static IReadOnlyList<string> Split(string? ids) => ids?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
