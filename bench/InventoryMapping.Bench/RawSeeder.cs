using Azure.Data.Tables;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Storage;

namespace InventoryMapping.Bench;

/// <summary>
/// The raw baseline of seeding: the rows the app writes for the same chunks (listings with a count row per
/// transaction; items with their SKU reservation written twice, normalized-SKU row and change-log row), as plain
/// batch upserts into fresh tables, chunk by chunk like the bulk calls.
/// </summary>
public sealed class RawSeeder(int chunk, int parallelism)
{
    /// <summary>Listings per transaction: the app's transactions hold 99 listings and their partition's count row.</summary>
    public const int ListingsPerBatch = RawWriter.MaxBatch - 1;

    /// <summary>Transactions each listings chunk keeps in flight: as many partitions as ListingBatchWriter works on at once.</summary>
    public const int TransactionsPerChunk = StorageThroughputOptions.DefaultListingPartitionsInFlight;

    /// <summary>Transactions each items chunk keeps in flight: as many as ItemWriter.</summary>
    public const int ItemTransactionsPerChunk = StorageThroughputOptions.DefaultItemTransactionsInFlight;

    private long _listings;
    private long _countRows;
    private long _items;
    private long _skuRows;
    private long _changeRows;

    public long Listings => _listings;

    public long CountRows => _countRows;

    public long Items => _items;

    /// <summary>Reservation rows (each written twice: reserved, then committed) and normalized-SKU rows.</summary>
    public long SkuRows => _skuRows;

    public long ChangeRows => _changeRows;

    public long Entities => _listings + _countRows + _items + _skuRows + _changeRows;

    public async Task ListingsAsync(TableClient table, string channelId, IReadOnlyList<ListingInput> listings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var totals = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(listings.Chunk(chunk), Options(cancellationToken), async (part, ct) =>
        {
            var batches = new List<IReadOnlyList<TableEntity>>();
            foreach (var partition in part.Select(l => RawRows.Listing(channelId, l, now)).GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
            {
                foreach (var rows in partition.Chunk(ListingsPerBatch))
                {
                    var total = totals.AddOrUpdate(partition.Key, rows.Length, (_, t) => t + rows.Length);
                    batches.Add([.. rows, RawRows.Counts(partition.Key, total)]);
                    Interlocked.Add(ref _listings, rows.Length);
                    Interlocked.Increment(ref _countRows);
                }
            }

            await new RawWriter(TransactionsPerChunk).SubmitAsync(table, batches, ct);
        });
    }

    /// <summary>Writes the rows of <paramref name="items"/> to the raw tables (no change-log rows without a change table); returns the item ids by SKU.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ItemsAsync(RawItemTables tables, IReadOnlyList<ItemDefinition> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(items.Chunk(chunk), Options(cancellationToken), async (part, ct) =>
        {
            // The app's scheme: one item partition per hundred items of a call.
            var first = Random.Shared.Next(ItemIds.PartitionCount);
            var withIds = part.Select((d, i) => (Id: ItemIds.New((first + i / 100) % ItemIds.PartitionCount), Definition: d)).ToList();
            var writer = new RawWriter(ItemTransactionsPerChunk);
            await writer.UpsertAsync(tables.ItemSkus, withIds.Select(x => RawRows.Reservation(x.Id, x.Definition.Sku!, committed: false)), ct);
            await writer.UpsertAsync(tables.ItemSkus, withIds.Select(x => RawRows.NormalizedSku(x.Id, x.Definition.Sku!)), ct);
            await writer.UpsertAsync(tables.Items, withIds.Select(x => RawRows.Item(x.Id, x.Definition, now)), ct);
            var changes = 0;
            if (tables.ItemChanges is { } changeTable)
            {
                await writer.UpsertAsync(changeTable, withIds.Select(x => RawRows.Change(x.Id, x.Definition, now)), ct);
                changes = withIds.Count;
            }

            await writer.UpsertAsync(tables.ItemSkus, withIds.Select(x => RawRows.Reservation(x.Id, x.Definition.Sku!, committed: true)), ct);
            Interlocked.Add(ref _items, part.Length);
            Interlocked.Add(ref _skuRows, 3L * part.Length);
            Interlocked.Add(ref _changeRows, changes);
            foreach (var (id, definition) in withIds)
            {
                ids[definition.Sku!] = id;
            }
        });
        return ids;
    }

    /// <summary>Only the item rows, in the app's layout and partition scheme (set-up of a big catalogue for search, untimed).</summary>
    public async Task<IReadOnlyList<string>> ItemRowsOnlyAsync(TableClient items, IReadOnlyList<ItemDefinition> definitions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(definitions.Chunk(chunk), Options(cancellationToken), async (part, ct) =>
        {
            var first = Random.Shared.Next(ItemIds.PartitionCount);
            var withIds = part.Select((d, i) => (Id: ItemIds.New((first + i / 100) % ItemIds.PartitionCount), Definition: d)).ToList();
            await new RawWriter(ItemTransactionsPerChunk).UpsertAsync(items, withIds.Select(x => RawRows.Item(x.Id, x.Definition, now)), ct);
            foreach (var (id, _) in withIds)
            {
                ids.Add(id);
            }
        });
        return [.. ids];
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
}
