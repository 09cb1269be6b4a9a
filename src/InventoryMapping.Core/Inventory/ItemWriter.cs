using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Inventory;

/// <summary>
/// Writes items with their SKU reservation, normalized-SKU lookup and change-log row. Order matters for crash safety:
/// reserve the SKU, write the lookup, write the item, log the change (which search reads), then mark the reservation
/// committed. Readers trust only committed reservations (or verify against the item), so a crash at any point
/// leaves nothing visible that is wrong; a stale uncommitted reservation is reclaimed. Per new item: 5 entity writes.
/// </summary>
public sealed class ItemWriter(
    AppStorage storage,
    InventoryStore store,
    ItemChangeLog changes,
    ItemSearchIndex search,
    ConflictRetry retry,
    IOptions<StorageThroughputOptions> throughput,
    TimeProvider clock,
    StockMarks.StockChangeMarker stockChanges)
{
    /// <summary>An uncommitted reservation older than this is taken to be left over from a crash.</summary>
    public static readonly TimeSpan AbandonedReservationAge = TimeSpan.FromMinutes(10);
    private readonly int _transactionsInFlight = throughput.Value.ItemTransactionsInFlight;

    /// <summary>
    /// Creates items (ids already assigned). Idempotent: an item whose id already holds its SKU counts as created,
    /// so a re-run after a crash completes the work without duplicates.
    /// </summary>
    internal async Task<IReadOnlyList<ItemCreation>> CreateManyAsync(IReadOnlyList<ItemEntity> items, CancellationToken cancellationToken)
    {
        var duplicates = new Dictionary<ItemEntity, string>();
        var firstBySku = new Dictionary<string, ItemEntity>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!firstBySku.TryAdd(ItemSkuKeys.Unique(item.Sku), item))
            {
                duplicates[item] = firstBySku[ItemSkuKeys.Unique(item.Sku)].RowKey;
            }
        }

        var reserved = await ReserveAsync(firstBySku.Values.ToList(), duplicates, cancellationToken);
        await WriteLookupsAsync(reserved, cancellationToken);
        await AddItemsAsync(reserved, cancellationToken);
        search.Apply(await changes.RecordAsync(reserved, deleted: false, cancellationToken));
        await CommitReservationsAsync(reserved, cancellationToken);
        return items.Select(i => new ItemCreation(i.ToItem(), duplicates.GetValueOrDefault(i))).ToList();
    }

    internal async Task<Result<ItemEntity>> ReplaceAsync(ItemEntity current, ItemEntity next, CancellationToken cancellationToken)
    {
        var skuChanged = ItemSkuKeys.Unique(current.Sku) != ItemSkuKeys.Unique(next.Sku);
        if (skuChanged)
        {
            var duplicates = new Dictionary<ItemEntity, string>();
            await ReserveAsync([next], duplicates, cancellationToken);
            if (duplicates.TryGetValue(next, out var holder))
            {
                return await store.SkuTakenAsync(holder, next.Sku, cancellationToken);
            }
        }

        if (current.Sku != next.Sku)
        {
            await WriteLookupsAsync([next], cancellationToken);
        }

        if (current.StockLevels != next.StockLevels)
        {
            // Before the write: the linked listings' marks must exist once the new stock does.
            await stockChanges.ItemStockChangingAsync(current.RowKey, cancellationToken);
        }

        if (await storage.Items.TryReplaceAsync(next, current.ETag, cancellationToken) != WriteOutcome.Written)
        {
            if (skuChanged)
            {
                await DeleteReservationAsync(next, cancellationToken);
            }

            return DomainError.PreconditionFailed($"Item '{current.RowKey}' was changed by someone else; read it again and retry.");
        }

        if (current.Sku != next.Sku || current.Title != next.Title)
        {
            search.Apply(await changes.RecordAsync([next], deleted: false, cancellationToken));
        }

        if (current.Sku != next.Sku)
        {
            await RemoveLookupsAsync(current, keep: next, cancellationToken);
            if (skuChanged)
            {
                await CommitReservationsAsync([next], cancellationToken);
                await DeleteReservationAsync(current, cancellationToken);
            }
            else
            {
                await storage.ItemSkus.UpsertEntityAsync(Reservation(next, committed: true), TableUpdateMode.Replace, cancellationToken);
            }
        }

        return next;
    }

    /// <summary>Deletion, first step: marks the item deleted under <paramref name="ifMatch"/>; readers see it as gone.</summary>
    internal async Task<Result<ItemEntity>> MarkDeletedAsync(ItemEntity item, ETag ifMatch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        item.DeletedAt = now;
        return await storage.Items.TryReplaceAsync(item, ifMatch, cancellationToken) == WriteOutcome.Written
            ? item
            : DomainError.PreconditionFailed($"Item '{item.RowKey}' was changed by someone else; read it again and retry.");
    }

    /// <summary>Deletion: takes the item out of search, frees its SKU and removes its SKU lookup.</summary>
    internal async Task RemoveSkuRowsAsync(ItemEntity item, CancellationToken cancellationToken)
    {
        search.Apply(await changes.RecordAsync([item], deleted: true, cancellationToken));
        await RemoveLookupsAsync(item, keep: null, cancellationToken);
        await DeleteReservationAsync(item, cancellationToken);
    }

    /// <summary>Deletion, last step: the item's row.</summary>
    internal Task DeleteRowAsync(ItemEntity item, CancellationToken cancellationToken) =>
        storage.Items.TryDeleteAsync(item.PartitionKey, item.RowKey, ETag.All, cancellationToken); // gone already is as good

    private async Task<List<ItemEntity>> ReserveAsync(List<ItemEntity> items, Dictionary<ItemEntity, string> duplicates, CancellationToken cancellationToken)
    {
        var rows = items.ToDictionary(i => Reservation(i, committed: false), i => i);

        // Somebody holds one of a transaction's SKUs: reserve them one by one to learn which.
        await storage.ItemSkus.AddAllOrEachAsync(rows.Keys, _transactionsInFlight, async (row, ct) =>
        {
            var holder = await ReserveOneAsync(row, ct);
            if (holder is not null)
            {
                lock (duplicates)
                {
                    duplicates[rows[row]] = holder;
                }
            }
        }, cancellationToken);

        return items.Where(i => !duplicates.ContainsKey(i)).ToList();
    }

    /// <summary>Reserves one SKU; returns the id of the item that holds it instead, or null when reserved.</summary>
    private Task<string?> ReserveOneAsync(ItemSkuEntity row, CancellationToken cancellationToken) =>
        retry.RunAsync(ConflictLimit.SkuReservation, async (_, ct) =>
        {
            if (await storage.ItemSkus.TryAddAsync(row, ct) == WriteOutcome.Written)
            {
                return Attempt.Done<string?>(null);
            }

            var existing = await storage.ItemSkus.GetEntityIfExistsAsync<ItemSkuEntity>(row.PartitionKey, row.RowKey, cancellationToken: ct);
            if (!existing.HasValue)
            {
                return Attempt.Conflict<string?>(); // released meanwhile: try to take it again
            }

            var current = existing.Value!;
            if (current.ItemId == row.ItemId)
            {
                return Attempt.Done<string?>(null); // ours, from an earlier attempt
            }

            if (current.Committed || await store.GetEntityAsync(current.ItemId!, ct) is not null
                || clock.GetUtcNow() - current.Timestamp < AbandonedReservationAge)
            {
                return Attempt.Done(current.ItemId);
            }

            // Left by a crash: take it over, unless someone else does first.
            return await storage.ItemSkus.TryReplaceAsync(row, current.ETag, ct) == WriteOutcome.Written
                ? Attempt.Done<string?>(null)
                : Attempt.Conflict<string?>();
        }, cancellationToken);

    /// <summary>
    /// Adds each item to its normalized-SKU row. New rows (the usual case when seeding or in Create All) are inserted
    /// in transactions, the items sharing a normalized SKU in one row; a row that exists already is changed alone.
    /// </summary>
    private Task WriteLookupsAsync(IReadOnlyList<ItemEntity> items, CancellationToken cancellationToken)
    {
        var rows = items
            .Select(item => (Key: ItemSkuKeys.NormalizedRow(item.Sku), item.RowKey))
            .Where(x => x.Key.RowKey.Length > 0)
            .GroupBy(x => x.Key)
            .Select(g => new ItemSkuEntity { PartitionKey = g.Key.PartitionKey, RowKey = g.Key.RowKey, ItemIds = string.Join(',', g.Select(x => x.RowKey).Distinct()) });
        return storage.ItemSkus.AddAllOrEachAsync(
            rows,
            _transactionsInFlight,
            async (row, ct) =>
            {
                foreach (var itemId in InventoryStore.Split(row.ItemIds))
                {
                    await ChangeNormalizedAsync(row.PartitionKey, row.RowKey, itemId, add: true, ct);
                }
            },
            cancellationToken);
    }

    private async Task RemoveLookupsAsync(ItemEntity item, ItemEntity? keep, CancellationToken cancellationToken)
    {
        if (keep is null || ItemSkuKeys.Normalized(keep.Sku) != ItemSkuKeys.Normalized(item.Sku))
        {
            var (partition, rowKey) = ItemSkuKeys.NormalizedRow(item.Sku);
            if (rowKey.Length > 0)
            {
                await ChangeNormalizedAsync(partition, rowKey, item.RowKey, add: false, cancellationToken);
            }
        }
    }

    /// <summary>Adds an item id to, or removes it from, one normalized-SKU row (a SKU of only spaces has none).</summary>
    private async Task ChangeNormalizedAsync(string partition, string rowKey, string itemId, bool add, CancellationToken cancellationToken)
    {
        await retry.RunAsync(ConflictLimit.SkuLookup, async (_, ct) =>
        {
            var existing = await storage.ItemSkus.GetEntityIfExistsAsync<ItemSkuEntity>(partition, rowKey, cancellationToken: ct);
            var ids = existing.HasValue ? InventoryStore.Split(existing.Value!.ItemIds).ToList() : [];
            if (ids.Contains(itemId) == add)
            {
                return Attempt.Done(true);
            }

            if (add)
            {
                ids.Add(itemId);
            }
            else
            {
                ids.Remove(itemId);
            }

            var row = new ItemSkuEntity { PartitionKey = partition, RowKey = rowKey, ItemIds = string.Join(',', ids) };
            var outcome = !existing.HasValue ? await storage.ItemSkus.TryAddAsync(row, ct)
                : ids.Count == 0 ? await storage.ItemSkus.TryDeleteAsync(partition, rowKey, existing.Value!.ETag, ct)
                : await storage.ItemSkus.TryReplaceAsync(row, existing.Value!.ETag, ct);
            return outcome == WriteOutcome.Written ? Attempt.Done(true) : Attempt.Conflict<bool>();
        }, cancellationToken);
    }

    private async Task AddItemsAsync(IReadOnlyList<ItemEntity> items, CancellationToken cancellationToken)
    {
        // A re-run: some items were written by the earlier attempt. Add the rest one by one.
        await storage.Items.AddAllOrEachAsync(items, _transactionsInFlight, async (item, ct) =>
        {
            if (await storage.Items.TryAddAsync(item, ct) == WriteOutcome.Conflict)
            {
                var stored = await store.GetEntityAsync(item.RowKey, ct);
                item.ETag = stored?.ETag ?? default;
            }
        }, cancellationToken);
    }

    /// <summary>Deletes a reservation a crash left (see <c>SweepReservations</c>) unless it changed since it was read; false then.</summary>
    internal async Task<bool> ReleaseReservationAsync(ItemSkuEntity reservation, CancellationToken cancellationToken) =>
        await storage.ItemSkus.TryDeleteAsync(reservation.PartitionKey, reservation.RowKey, reservation.ETag, cancellationToken) == WriteOutcome.Written;

    private Task CommitReservationsAsync(IReadOnlyList<ItemEntity> items, CancellationToken cancellationToken) =>
        storage.ItemSkus.SubmitAllAsync(
            items.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Reservation(i, committed: true))),
            _transactionsInFlight,
            cancellationToken);

    private async Task DeleteReservationAsync(ItemEntity item, CancellationToken cancellationToken)
    {
        var (partition, rowKey) = ItemSkuKeys.UniqueRow(item.Sku);
        var existing = await storage.ItemSkus.GetEntityIfExistsAsync<ItemSkuEntity>(partition, rowKey, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.ItemId == item.RowKey)
        {
            // Not written: someone else took it meanwhile, and it is theirs now.
            await storage.ItemSkus.TryDeleteAsync(partition, rowKey, existing.Value.ETag, cancellationToken);
        }
    }

    private static ItemSkuEntity Reservation(ItemEntity item, bool committed)
    {
        var (partition, rowKey) = ItemSkuKeys.UniqueRow(item.Sku);
        return new ItemSkuEntity { PartitionKey = partition, RowKey = rowKey, ItemId = item.RowKey, Sku = item.Sku, Committed = committed };
    }
}
