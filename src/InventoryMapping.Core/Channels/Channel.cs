namespace InventoryMapping.Channels;

/// <summary>One Amazon account integration. Credentials are not part of it: they live in settings named after the channel.</summary>
public sealed record Channel(
    string ChannelId,
    string AccountId,
    string AccountName,
    AmazonRegion Region,
    IReadOnlyList<string> MarketplaceIds,
    string LocationId,
    bool AutoLinkBySku,
    TimeSpan ListingsRefreshInterval,
    DateTimeOffset UpdatedAt,
    string ETag)
{
    /// <summary>The locations whose stock the channel lists (summed); <see cref="LocationId"/> is the first, kept for clients of one location.</summary>
    public IReadOnlyList<string> LocationIds { get; init; } = [LocationId];

    /// <summary>The channel's stock rules, each a default a listing may override.</summary>
    public StockRules StockRules { get; init; } = StockRules.None;
}
