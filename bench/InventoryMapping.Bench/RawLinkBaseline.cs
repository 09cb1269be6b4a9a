using System.Diagnostics;
using Azure.Data.Tables;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;

namespace InventoryMapping.Bench;

/// <summary>
/// The raw side of the scenarios that link listings (Link All, import): a fresh table pre-filled (untimed) with the
/// same N listings, then, timed, the linked listings batch-upserted, as many transactions in flight as the app's
/// bulk writers keep; optionally also, timed after them, what the stock sync needs of each link (its item → listing
/// index row and its pending mark), in the app's layout.
/// </summary>
public static class RawLinkBaseline
{
    /// <summary>Seconds of the timed upserts: the listings', and the index rows' and marks' after them when asked for.</summary>
    public static async Task<(double Listings, (double Index, double Marks)? StockSyncRows, int Entities)> RunAsync(
        BenchHost host,
        BenchArgs args,
        IReadOnlyList<ListingInput> listings,
        IEnumerable<(ListingInput Listing, ItemReference Item)> links,
        string jobId,
        bool withStockSyncRows,
        CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var table = await host.FreshTableAsync("Listings", cancellationToken);
        await new RawSeeder(args.Chunk, args.Parallelism).ListingsAsync(table, BulkSeeder.ChannelId, listings, now, cancellationToken);
        var changed = links.Select(l => RawRows.Linked(RawRows.Listing(BulkSeeder.ChannelId, l.Listing, now), l.Item, jobId, now)).ToList();
        var writer = new RawWriter(RawSeeder.TransactionsPerChunk * args.Parallelism);
        var watch = Stopwatch.StartNew();
        await writer.UpsertAsync(table, changed, cancellationToken);
        var listingSeconds = watch.Elapsed.TotalSeconds;
        if (!withStockSyncRows)
        {
            return (listingSeconds, null, changed.Count);
        }

        var index = await host.FreshTableAsync("ItemListings", cancellationToken);
        var marks = await host.FreshTableAsync("StockSyncPending", cancellationToken);
        var linked = changed.Select(l => (ItemId: (string)l["LinkedItemId"], ListingId: l.RowKey, l.PartitionKey)).ToList();
        watch.Restart();
        await writer.UpsertAsync(
            index,
            linked.Select(l => new TableEntity(l.ItemId[..2], $"{l.ItemId}|{BulkSeeder.ChannelId}|{l.ListingId}") { ["ChannelId"] = BulkSeeder.ChannelId, ["ListingId"] = l.ListingId }),
            cancellationToken);
        var indexSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await writer.UpsertAsync(marks, linked.Select(l => new TableEntity(l.PartitionKey, l.ListingId) { ["MarkedAt"] = now }), cancellationToken);
        return (listingSeconds, (indexSeconds, watch.Elapsed.TotalSeconds), changed.Count);
    }
}
