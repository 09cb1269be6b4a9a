namespace InventoryMapping.Listings;

/// <summary>
/// A page request of a channel's listings: the listed ones (<paramref name="Listed"/> false: the retired ones) that
/// pass every filter given. <paramref name="Text"/> matches a fragment of SKU or title, case-insensitively.
/// </summary>
public sealed record ListingQuery(
    string ChannelId,
    LinkFilter Link = LinkFilter.All,
    bool? IsFba = null,
    ListingStatus? Status = null,
    string? Text = null,
    bool IncludeSyncStatus = false,
    int PageSize = ListingQuery.DefaultPageSize,
    bool Listed = true,
    bool? IgnoreSync = null)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>What a continuation token of these pages belongs to: the channel and every filter.</summary>
    internal string Scope => $"listings\n{ChannelId}\n{Listed}\n{Link}\n{IsFba}\n{Status}\n{IgnoreSync}\n{Text}";
}
