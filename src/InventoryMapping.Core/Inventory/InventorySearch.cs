namespace InventoryMapping.Inventory;

/// <summary>
/// Inventory search over this instance's <see cref="ItemSearchIndex"/>: SKU exact, then SKU prefix, then SKU contains
/// (case-insensitive), then title word prefix (also accent-insensitive), each tier in upper-cased SKU order, each item
/// once. No storage request on a warm instance.
/// </summary>
public sealed class InventorySearch(ItemSearchIndex index) : IInventorySearch
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 100;

    public async Task<Result<InventorySearchPage>> SearchAsync(string? query, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query))
        {
            return await BrowseAsync(pageSize, continuationToken, cancellationToken);
        }

        if (query.Length > MaxQueryLength || query.Any(char.IsControl))
        {
            return DomainError.Invalid("q", $"q is 1-{MaxQueryLength} characters of a SKU or title, no control characters (or absent, to browse).");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return DomainError.Invalid("pageSize", $"pageSize is 1 to {MaxPageSize}.");
        }

        if (!SearchToken.TryDecode(continuationToken, out var token, query))
        {
            return DomainError.Invalid("continuationToken", "continuationToken is not one this search (this q) returned, or it was changed.");
        }

        var state = await index.CurrentAsync(cancellationToken);
        var found = state.Find(SearchText.Sku(query), SearchText.Title(query), token?.Cursor, pageSize + 1);
        var page = found.Take(pageSize).Select(f => new InventorySearchHit(ItemSearchCatalog.IdText(f.Id), f.Sku, f.Title, f.Match)).ToList();
        var next = found.Count > pageSize ? SearchToken.From(found[pageSize - 1].Cursor).Encode(query) : null;
        return new InventorySearchPage(page, next);
    }

    /// <summary>Every item in SKU order ignoring case (then id), paged by a keyset cursor; hits carry no match.</summary>
    private async Task<Result<InventorySearchPage>> BrowseAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return DomainError.Invalid("pageSize", $"pageSize is 1 to {MaxPageSize}.");
        }

        if (!SearchToken.TryDecode(continuationToken, out var token, BrowseScope) || token is { Match: not SearchMatch.Prefix })
        {
            return DomainError.Invalid("continuationToken", "continuationToken is not one that browsing (no q) returned, or it was changed.");
        }

        var state = await index.CurrentAsync(cancellationToken);
        var found = state.Browse(token?.Cursor, pageSize + 1);
        var page = found.Take(pageSize).Select(f => new InventorySearchHit(ItemSearchCatalog.IdText(f.Id), f.Sku, f.Title, null)).ToList();
        var next = found.Count > pageSize ? SearchToken.From(found[pageSize - 1].Cursor).Encode(BrowseScope) : null;
        return new InventorySearchPage(page, next);
    }

    /// <summary>What a browsing token is bound to: no q can be this (a q has no control characters).</summary>
    private const string BrowseScope = "\u0000browse";

    private sealed record SearchToken(SearchMatch Match, string Sku, string Id)
    {
        public ItemSearchCursor Cursor => new(Match, Sku, ItemSearchCatalog.IdKey(Id));

        public static SearchToken From(ItemSearchCursor cursor) => new(cursor.Match, cursor.UpperSku, ItemSearchCatalog.IdText(cursor.Id));

        public string Encode(string query) => Storage.OpaqueToken.Encode(this, query);

        public static bool TryDecode(string? text, out SearchToken? token, string query) =>
            Storage.OpaqueToken.TryDecode(text, out token, query)
            && token is null or { Sku: not null, Match: >= SearchMatch.Exact and <= SearchMatch.Title } && (token is null || ItemIds.IsValid(token.Id));
    }
}
