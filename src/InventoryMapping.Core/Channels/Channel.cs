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
    string ETag);
