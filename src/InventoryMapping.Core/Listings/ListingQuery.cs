namespace InventoryMapping.Listings;

/// <summary>A page request of a channel's listings. <paramref name="Text"/> matches a fragment of SKU or title, case-insensitively.</summary>
public sealed record ListingQuery(
    string ChannelId,
    LinkFilter Link = LinkFilter.All,
    bool? IsFba = null,
    bool? IsActive = null,
    string? Text = null,
    bool IncludeSyncStatus = false,
    int PageSize = ListingQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}
