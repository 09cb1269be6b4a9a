using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Inventory;

/// <summary>
/// Writes items with their SKU reservation, normalized-SKU lookup and change-log row. Order matters for crash safety:
/// reserve the SKU, write the lookup, write the item, log the change (which search reads), then mark the reservation
/// committed. Readers trust only committed reservations (or verify against the item), so a crash at any point
/// leaves nothing visible that is wrong; a stale uncommitted reservation is reclaimed. Per new item: 5 entity writes.
/// </summary>
public sealed class ItemWriter(AppStorage storage, InventoryStore store, ItemChangeLog changes, ItemSearchIndex search, TimeProvider clock)
{
    /// <summary>An uncommitted reservation older than this is taken to be left over from a crash.</summary>
    public static readonly TimeSpan AbandonedReservationAge = TimeSpan.FromMinutes(10);
    private const int Parallelism = 8;

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
                return DomainError.Conflict($"Item '{holder}' already has SKU '{next.Sku}'.", "sku");
            }
        }

        if (current.Sku != next.Sku)
        {
            await WriteLookupsAsync([next], cancellationToken);
        }

        try
        {
            var response = await storage.Items.UpdateEntityAsync(next, current.ETag, TableUpdateMode.Replace, cancellationToken);
            next.ETag = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
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
        try
        {
            var response = await storage.Items.UpdateEntityAsync(item, ifMatch, TableUpdateMode.Replace, cancellationToken);
            item.ETag = response.Headers.ETag ?? default;
            return item;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return DomainError.PreconditionFailed($"Item '{item.RowKey}' was changed by someone else; read it again and retry.");
        }
    }

    /// <summary>Deletion: takes the item out of search, frees its SKU and removes its SKU lookup.</summary>
    internal async Task RemoveSkuRowsAsync(ItemEntity item, CancellationToken cancellationToken)
    {
        search.Apply(await changes.RecordAsync([item], deleted: true, cancellationToken));
        await RemoveLookupsAsync(item, keep: null, cancellationToken);
        await DeleteReservationAsync(item, cancellationToken);
    }

    /// <summary>Deletion, last step: the item's row.</summary>
    internal async Task DeleteRowAsync(ItemEntity item, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Items.DeleteEntityAsync(item.PartitionKey, item.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private async Task<List<ItemEntity>> ReserveAsync(List<ItemEntity> items, Dictionary<ItemEntity, string> duplicates, CancellationToken cancellationToken)
    {
        var rows = items.ToDictionary(i => Reservation(i, committed: false), i => i);
        var failed = new System.Collections.Concurrent.ConcurrentBag<ItemSkuEntity>();
        await Parallel.ForEachAsync(
            TableTransactions.Chunk(rows.Keys.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))),
            Options(cancellationToken),
            async (chunk, ct) =>
            {
                try
                {
                    await storage.ItemSkus.SubmitTransactionAsync(chunk, ct);
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    // Somebody holds one of these SKUs: reserve one by one to learn which.
                    foreach (var action in chunk)
                    {
                        failed.Add((ItemSkuEntity)action.Entity);
                    }
                }
            });

        await Parallel.ForEachAsync(failed, Options(cancellationToken), async (row, ct) =>
        {
            var holder = await ReserveOneAsync(row, ct);
            if (holder is not null)
            {
                lock (duplicates)
                {
                    duplicates[rows[row]] = holder;
                }
            }
        });

        return items.Where(i => !duplicates.ContainsKey(i)).ToList();
    }

    /// <summary>Reserves one SKU; returns the id of the item that holds it instead, or null when reserved.</summary>
    private async Task<string?> ReserveOneAsync(ItemSkuEntity row, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                await storage.ItemSkus.AddEntityAsync(row, cancellationToken);
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }

            var existing = await storage.ItemSkus.GetEntityIfExistsAsync<ItemSkuEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                continue;
            }

            var current = existing.Value!;
            if (current.ItemId == row.ItemId)
            {
                return null; // ours, from an earlier attempt
            }

            if (current.Committed || await store.GetEntityAsync(current.ItemId!, cancellationToken) is not null
                || clock.GetUtcNow() - current.Timestamp < AbandonedReservationAge)
            {
                return current.ItemId;
            }

            try
            {
                await storage.ItemSkus.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
            }
        }

        throw new InvalidOperationException($"Could not reserve SKU row {row.RowKey}: it keeps changing.");
    }

    private async Task WriteLookupsAsync(IReadOnlyList<ItemEntity> items, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(items, Options(cancellationToken), async (item, ct) => await ChangeLooseAsync(item.Sku, item.RowKey, add: true, ct));
    }

    private async Task RemoveLookupsAsync(ItemEntity item, ItemEntity? keep, CancellationToken cancellationToken)
    {
        if (keep is null || ItemSkuKeys.Loose(keep.Sku) != ItemSkuKeys.Loose(item.Sku))
        {
            await ChangeLooseAsync(item.Sku, item.RowKey, add: false, cancellationToken);
        }
    }

    private async Task ChangeLooseAsync(string sku, string itemId, bool add, CancellationToken cancellationToken)
    {
        var (partition, rowKey) = ItemSkuKeys.LooseRow(sku);
        if (rowKey.Length == 0)
        {
            return; // a SKU of only spaces has no normalized form to match
        }

        for (var attempt = 0; ; attempt++)
        {
            var existing = await storage.ItemSkus.GetEntityIfExistsAsync<ItemSkuEntity>(partition, rowKey, cancellationToken: cancellationToken);
            var ids = existing.HasValue ? InventoryStore.Split(existing.Value!.ItemIds).ToList() : [];
            if (ids.Contains(itemId) == add)
            {
                return;
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
            try
            {
                if (!existing.HasValue)
                {
                    await storage.ItemSkus.AddEntityAsync(row, cancellationToken);
                }
                else if (ids.Count == 0)
                {
                    await storage.ItemSkus.DeleteEntityAsync(partition, rowKey, existing.Value!.ETag, cancellationToken);
                }
                else
                {
                    await storage.ItemSkus.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404 && attempt < 20)
            {
            }
        }
    }

    private async Task AddItemsAsync(IReadOnlyList<ItemEntity> items, CancellationToken cancellationToken)
    {
        var byKey = items.ToDictionary(i => i.PartitionKey + "/" + i.RowKey);
        await Parallel.ForEachAsync(
            TableTransactions.Chunk(items.Select(i => new TableTransactionAction(TableTransactionActionType.Add, i))),
            Options(cancellationToken),
            async (chunk, ct) =>
            {
                try
                {
                    var responses = await storage.Items.SubmitTransactionAsync(chunk, ct);
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        ((ItemEntity)chunk[i].Entity).ETag = responses.Value[i].Headers.ETag ?? default;
                    }
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    // A re-run: some items were written by the earlier attempt. Add the rest one by one.
                    foreach (var action in chunk)
                    {
                        var item = byKey[action.Entity.PartitionKey + "/" + action.Entity.RowKey];
                        try
                        {
                            var response = await storage.Items.AddEntityAsync(item, ct);
                            item.ETag = response.Headers.ETag ?? default;
                        }
                        catch (RequestFailedException conflict) when (conflict.Status == 409)
                        {
                            var stored = await store.GetEntityAsync(item.RowKey, ct);
                            item.ETag = stored?.ETag ?? default;
                        }
                    }
                }
            });
    }

    private Task CommitReservationsAsync(IReadOnlyList<ItemEntity> items, CancellationToken cancellationToken) =>
        storage.ItemSkus.SubmitAllAsync(
            items.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Reservation(i, committed: true))),
            Parallelism,
            cancellationToken);

    private async Task DeleteReservationAsync(ItemEntity item, CancellationToken cancellationToken)
    {
        var (partition, rowKey) = ItemSkuKeys.UniqueRow(item.Sku);
        var existing = await storage.ItemSkus.GetEntityIfExistsAsync<ItemSkuEntity>(partition, rowKey, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.ItemId == item.RowKey)
        {
            try
            {
                await storage.ItemSkus.DeleteEntityAsync(partition, rowKey, existing.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Someone else took it meanwhile; it is theirs now.
            }
        }
    }

    private static ItemSkuEntity Reservation(ItemEntity item, bool committed)
    {
        var (partition, rowKey) = ItemSkuKeys.UniqueRow(item.Sku);
        return new ItemSkuEntity { PartitionKey = partition, RowKey = rowKey, ItemId = item.RowKey, Sku = item.Sku, Committed = committed };
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
}
