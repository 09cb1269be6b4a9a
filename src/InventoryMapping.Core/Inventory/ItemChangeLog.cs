using System.Globalization;
using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Inventory;

/// <summary>
/// The log of item changes search instances read to stay current: one row per item write, written after the item
/// (so a row never claims what did not happen), partitioned by UTC hour and item partition so that a bulk write's
/// rows go out in full transactions and a reader asks for one key range: everything since a time.
/// </summary>
public sealed class ItemChangeLog(AppStorage storage, IOptions<StorageThroughputOptions> throughput, TimeProvider clock)
{
    private readonly int _transactionsInFlight = throughput.Value.ItemTransactionsInFlight;

    /// <summary>Logs the current state of <paramref name="items"/> (or that they are gone); returns what it logged.</summary>
    internal async Task<IReadOnlyList<ItemChange>> RecordAsync(IReadOnlyList<ItemEntity> items, bool deleted, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var ticks = clock.GetUtcNow().UtcTicks;
        var changes = items.Select(i => new ItemChange(i.RowKey, i.Sku, i.Title, deleted, ticks)).ToList();
        var rows = changes.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new ItemChangeEntity
        {
            PartitionKey = PartitionKey(c.Ticks, c.ItemId),
            RowKey = RowKey(c.Ticks, c.ItemId),
            ItemId = c.ItemId,
            Sku = c.Sku,
            Title = c.Title,
            Deleted = c.Deleted,
            Ticks = c.Ticks,
        }));
        await storage.ItemChanges.SubmitAllAsync(rows, _transactionsInFlight, cancellationToken);
        return changes;
    }

    /// <summary>Every change logged at or after <paramref name="since"/>, oldest first.</summary>
    internal async Task<IReadOnlyList<ItemChange>> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ticks = since.UtcTicks;
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Hour(ticks)} and RowKey ge {Ticks(ticks)}");
        var changes = new List<ItemChange>();
        await foreach (var row in storage.ItemChanges.QueryAsync<ItemChangeEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            changes.Add(new ItemChange(row.ItemId, row.Sku, row.Title, row.Deleted, row.Ticks));
        }

        changes.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : string.CompareOrdinal(a.ItemId, b.ItemId));
        return changes;
    }

    /// <summary>Deletes the rows of hours wholly before <paramref name="before"/> (at most <paramref name="limit"/>); returns how many.</summary>
    internal async Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {Hour(before.UtcTicks)}");
        var old = new List<TableTransactionAction>();
        await foreach (var row in storage.ItemChanges.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            old.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            if (old.Count >= limit)
            {
                break;
            }
        }

        await storage.ItemChanges.SubmitAllAsync(old, _transactionsInFlight, cancellationToken);
        return old.Count;
    }

    private static string PartitionKey(long ticks, string itemId) => Hour(ticks) + ItemIds.PartitionOf(itemId);

    private static string RowKey(long ticks, string itemId) => Ticks(ticks) + "-" + itemId;

    private static string Hour(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
