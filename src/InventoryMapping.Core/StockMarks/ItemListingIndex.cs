using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.StockMarks;

/// <summary>
/// Item → linked listings, so a stock change finds the listings to sync without reading any listing. It may
/// over-approximate but never misses: its row is written before a link commits and removed after an unlink commits
/// (ListingWriter does both), so a crash leaves at most an extra row, which the sync checks against the listing.
/// </summary>
public sealed class ItemListingIndex(AppStorage storage, IOptions<StorageThroughputOptions> throughput)
{
    private readonly int _inFlight = throughput.Value.ItemTransactionsInFlight;

    /// <summary>Adds rows (upserts: a row already there is as good).</summary>
    public Task AddAsync(IReadOnlyCollection<IndexedListing> links, CancellationToken cancellationToken) =>
        links.Count == 0
            ? Task.CompletedTask
            : storage.ItemListings.SubmitAllAsync(
                links.DistinctBy(l => ItemListingEntity.RowKeyOf(l.ItemId, l.ChannelId, l.ListingId)).Select(l => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    new ItemListingEntity
                    {
                        PartitionKey = ItemListingEntity.PartitionOf(l.ItemId),
                        RowKey = ItemListingEntity.RowKeyOf(l.ItemId, l.ChannelId, l.ListingId),
                        ChannelId = l.ChannelId,
                        ListingId = l.ListingId,
                    })),
                _inFlight,
                cancellationToken);

    /// <summary>Removes rows one by one (a transaction would fail as a whole on one already gone).</summary>
    public Task RemoveAsync(IReadOnlyCollection<IndexedListing> links, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            links,
            new ParallelOptions { MaxDegreeOfParallelism = _inFlight, CancellationToken = cancellationToken },
            async (l, ct) => await storage.ItemListings.TryDeleteAsync(
                ItemListingEntity.PartitionOf(l.ItemId), ItemListingEntity.RowKeyOf(l.ItemId, l.ChannelId, l.ListingId), ETag.All, ct));

    /// <summary>One page of the listings the index has for <paramref name="itemId"/> in one channel (one request; a null token: the last page).</summary>
    public async Task<(IReadOnlyList<IndexedListing> Listings, string? Continuation)> ReadPageAsync(
        string itemId, string channelId, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var prefix = $"{itemId}|{channelId}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ItemListingEntity.PartitionOf(itemId)} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var page = await storage.ItemListings.ReadPageAsync<ItemListingEntity>(filter, continuation, pageSize, cancellationToken);
        return ([.. page.Values.Select(row => new IndexedListing(itemId, row.ChannelId, row.ListingId))], page.ContinuationToken);
    }

    /// <summary>The listings the index has for <paramref name="itemId"/>: one range read of its partition.</summary>
    public async Task<IReadOnlyList<IndexedListing>> ListingsOfAsync(string itemId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ItemListingEntity.PartitionOf(itemId)} and RowKey gt {itemId + "|"} and RowKey lt {itemId + "}"}");
        var found = new List<IndexedListing>();
        await foreach (var row in storage.ItemListings.QueryAsync<ItemListingEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(new IndexedListing(itemId, row.ChannelId, row.ListingId));
        }

        return found;
    }
}
