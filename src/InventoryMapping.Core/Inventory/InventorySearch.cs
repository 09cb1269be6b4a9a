using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Inventory;

/// <summary>
/// Case-insensitive partial-SKU search over the suffix index: whole-SKU suffixes that start with the query (the exact
/// SKU sorts first among them, then the prefix matches), then inner suffixes that do, each a row-key range query in
/// one partition; a first request reads both at once. No request reads more than a few pages, whatever the number of
/// items.
/// </summary>
public sealed class InventorySearch(AppStorage storage, InventoryStore store)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 100;
    private const int StoragePageSize = 200;
    private const int MaxStorageRequests = 10;

    public async Task<Result<InventorySearchPage>> SearchAsync(string? query, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query) || query.Length > MaxQueryLength || query.Any(char.IsControl))
        {
            return DomainError.Invalid("q", $"q is required: 1-{MaxQueryLength} characters of a SKU, no control characters.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return DomainError.Invalid("pageSize", $"pageSize is 1 to {MaxPageSize}.");
        }

        if (!SearchToken.TryDecode(continuationToken, out var token, query))
        {
            return DomainError.Invalid("continuationToken", "continuationToken is not one this search (this q) returned, or it was changed.");
        }

        var hits = new List<(string ItemId, string Sku, SkuMatch Match)>();
        SearchToken? next = token ?? new SearchToken(SkuMatch.Prefix, null, 0);

        // A search's first request usually finds every match in one page of each phase: read the inner matches'
        // first page alongside the prefix matches', and drop it if the prefix matches fill the page.
        var firstInner = token is null ? ReadAsync(query, new SearchToken(SkuMatch.Contains, null, 0), cancellationToken) : null;

        // Read on until the page is full, the matches run out, or the request has read enough; the token says where
        // the next request starts (null: no more matches).
        for (var requests = 0; next is not null && hits.Count < pageSize && requests < MaxStorageRequests; requests++)
        {
            var current = next;
            Task<Page<ItemSearchEntity>> reading;
            if (current is { Phase: SkuMatch.Contains, Storage: null, Skip: 0 } && firstInner is not null)
            {
                (reading, firstInner) = (firstInner, null);
            }
            else
            {
                reading = ReadAsync(query, current, cancellationToken);
            }

            var page = await reading;
            var matches = page.Values.Where(r => Qualifies(r, query, current.Phase)).Skip(current.Skip).ToList();
            var room = pageSize - hits.Count;
            hits.AddRange(matches.Take(room).Select(r => (r.ItemId, r.Sku, MatchOf(r, query, current.Phase))));
            next = matches.Count > room ? current with { Skip = current.Skip + room }
                : page.ContinuationToken is { } storageToken ? new SearchToken(current.Phase, storageToken, 0)
                : current.Phase == SkuMatch.Prefix ? new SearchToken(SkuMatch.Contains, null, 0)
                : null;
        }

        // Not needed after all: let it finish on its own, its failure observed rather than waited for.
        _ = firstInner?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return new InventorySearchPage(await WithTitlesAsync(hits, cancellationToken), next?.Encode(query));
    }

    private static SkuMatch MatchOf(ItemSearchEntity row, string query, SkuMatch phase) =>
        phase == SkuMatch.Prefix && ItemSkuKeys.Unique(row.Sku) == ItemSkuKeys.Unique(query) ? SkuMatch.Exact : phase;

    private async Task<Page<ItemSearchEntity>> ReadAsync(string query, SearchToken state, CancellationToken cancellationToken)
    {
        var encoded = TableKey.Encode(ItemSkuKeys.Unique(query));
        var partition = ItemSearchRows.PartitionFor(encoded);
        var upper = TableKey.PrefixUpperBound(encoded);
        var filter = state.Phase == SkuMatch.Prefix
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {encoded} and RowKey lt {upper} and Offset eq {0}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {encoded} and RowKey lt {upper} and Offset gt {0}");
        return await storage.ItemSearch.ReadPageAsync<ItemSearchEntity>(filter, state.Storage, StoragePageSize, cancellationToken);
    }

    /// <summary>Each item once per phase: a whole-SKU hit (exact or prefix); an inner hit at its first inner occurrence.</summary>
    private static bool Qualifies(ItemSearchEntity row, string query, SkuMatch phase)
    {
        if (phase == SkuMatch.Prefix)
        {
            return true;
        }

        var first = ItemSearchRows.FirstOffset(row.Sku, query);
        return first > 0 && first == row.Offset;
    }

    /// <summary>Reads the items of the hits: their titles, and a check that the index row is not stale.</summary>
    private async Task<IReadOnlyList<InventorySearchHit>> WithTitlesAsync(List<(string ItemId, string Sku, SkuMatch Match)> hits, CancellationToken cancellationToken)
    {
        var items = await Task.WhenAll(hits.Select(h => store.GetEntityAsync(h.ItemId, cancellationToken)));
        return hits.Zip(items)
            .Where(pair => pair.Second is not null && pair.Second.Sku == pair.First.Sku)
            .Select(pair => new InventorySearchHit(pair.First.ItemId, pair.First.Sku, pair.Second!.Title, pair.First.Match))
            .ToList();
    }

    private sealed record SearchToken(SkuMatch Phase, string? Storage, int Skip)
    {
        public string Encode(string query) => OpaqueToken.Encode(this, query);

        public static bool TryDecode(string? text, out SearchToken? token, string query) =>
            OpaqueToken.TryDecode(text, out token, query) && token is null or { Skip: >= 0, Phase: SkuMatch.Prefix or SkuMatch.Contains };
    }
}
