using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings.Storage;

public sealed class ListingStore(AppStorage storage)
{
    /// <summary>Rows a text-filtered page may read per request; beyond it the page returns what it has and a token.</summary>
    public const int TextScanBudget = 5_000;
    private const int TextScanPageSize = 1_000;
    private const int MaxStorageRequestsPerPage = 10;

    internal async Task<ListingEntity?> GetEntityAsync(string channelId, string listingId, CancellationToken cancellationToken)
    {
        var row = await storage.Listings.GetEntityIfExistsAsync<ListingEntity>(
            ListingPartition.PartitionKeyOf(channelId, listingId), listingId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// The rows of <paramref name="listingIds"/> that exist, by id: per partition a range query where the ids fill
    /// their range, point reads otherwise (<see cref="KeyedReads"/>).
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, ListingEntity>> ReadManyAsync(string channelId, IEnumerable<string> listingIds, int readsInFlight, CancellationToken cancellationToken)
    {
        var rows = await storage.Listings.ReadRowsAsync<ListingEntity>(
            listingIds.Select(id => (ListingPartition.PartitionKeyOf(channelId, id), id)), readsInFlight, cancellationToken);
        return rows.ToDictionary(r => r.Key.RowKey, r => r.Value, StringComparer.Ordinal);
    }

    /// <summary><see cref="ReadManyAsync"/> in the order of <paramref name="listingIds"/>, null where a listing has no row.</summary>
    internal async Task<ListingEntity?[]> GetManyAsync(string channelId, IReadOnlyList<string> listingIds, int readsInFlight, CancellationToken cancellationToken)
    {
        var rows = await ReadManyAsync(channelId, listingIds, readsInFlight, cancellationToken);
        return [.. listingIds.Select(id => rows.GetValueOrDefault(id))];
    }

    /// <summary>The count row of a listings partition; a new, empty one (no ETag) if the partition has none yet.</summary>
    internal async Task<ListingCountsEntity> GetCountsAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var row = await storage.Listings.GetEntityIfExistsAsync<ListingCountsEntity>(partitionKey, ListingPartition.CountsRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : new ListingCountsEntity { PartitionKey = partitionKey };
    }

    /// <summary>The rows of the page from <paramref name="continuation"/> on; the next page's token is encoded for <paramref name="scope"/>.</summary>
    internal async Task<(IReadOnlyList<ListingEntity> Rows, string? ContinuationToken)> QueryAsync(ListingQuery query, PageToken? continuation, string scope, CancellationToken cancellationToken)
    {
        var filter = Filter(query);
        var text = string.IsNullOrEmpty(query.Text) ? null : query.Text;
        var storagePageSize = text is null ? query.PageSize : TextScanPageSize;
        var maxRequests = text is null ? MaxStorageRequestsPerPage : TextScanBudget / TextScanPageSize;

        var results = new List<ListingEntity>(query.PageSize);
        var storageToken = continuation?.Storage;
        var skip = continuation?.Skip ?? 0;
        for (var requests = 1; ; requests++)
        {
            var page = await ReadPageAsync(filter, storageToken, storagePageSize, cancellationToken);
            var matches = page.Values.Where(e => text is null || Contains(e, text)).Skip(skip).ToList();
            var room = query.PageSize - results.Count;
            if (matches.Count > room)
            {
                results.AddRange(matches.Take(room));
                return (results, new PageToken(storageToken, skip + room).Encode(scope));
            }

            results.AddRange(matches);
            skip = 0;
            storageToken = page.ContinuationToken;
            if (storageToken is null)
            {
                return (results, null);
            }

            if (results.Count == query.PageSize || requests >= maxRequests)
            {
                return (results, new PageToken(storageToken, 0).Encode(scope));
            }
        }
    }

    /// <summary>One page of the listings of one partition that <paramref name="selection"/> (an OData filter) picks.</summary>
    internal Task<Page<ListingEntity>> ReadPartitionPageAsync(string channelId, int partition, string selection, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ListingPartition.PartitionKey(channelId, partition)} and RowKey ge {ListingPartition.FirstListingRowKey}") + $" and ({selection})";
        return ReadPageAsync(filter, continuation, pageSize, cancellationToken);
    }

    /// <summary>One page of a channel's listed listings in storage order, for sweeps over the whole channel.</summary>
    internal Task<Page<ListingEntity>> ReadListedPageAsync(string channelId, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        ReadPageAsync(Filter(new ListingQuery(channelId)), continuation, pageSize, cancellationToken);

    private Task<Page<ListingEntity>> ReadPageAsync(string filter, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        storage.Listings.ReadPageAsync<ListingEntity>(filter, continuation, pageSize, cancellationToken);

    /// <summary>The OData filter of a query's listings; each clause is one of the figures the counts keep (see ListingTally).</summary>
    private static string Filter(ListingQuery query)
    {
        var (from, to) = ListingPartition.PartitionRange(query.ChannelId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and RowKey ge {ListingPartition.FirstListingRowKey} and IsListed eq {query.Listed}");
        if (query.Link != LinkFilter.All)
        {
            filter += TableClient.CreateQueryFilter($" and IsLinked eq {query.Link == LinkFilter.Linked}");
        }

        if (query.IsFba is { } fba)
        {
            filter += TableClient.CreateQueryFilter($" and IsFba eq {fba}");
        }

        if (query.Status is { } status)
        {
            filter += TableClient.CreateQueryFilter($" and IsActive eq {status == ListingStatus.Active}");
        }

        if (query.IgnoreSync is { } ignoreSync)
        {
            filter += TableClient.CreateQueryFilter($" and IgnoreSync eq {ignoreSync}");
        }

        return filter;
    }

    private static bool Contains(ListingEntity listing, string text) =>
        listing.Sku.Contains(text, StringComparison.OrdinalIgnoreCase) || listing.Title.Contains(text, StringComparison.OrdinalIgnoreCase);
}
