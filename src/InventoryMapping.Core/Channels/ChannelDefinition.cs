namespace InventoryMapping.Channels;

/// <summary>
/// What a caller sends to create or update a channel; unset optional values take their defaults. <c>locationId</c>
/// (one location, the older shape) and <c>locationIds</c> are two spellings of one setting: give either, or both alike.
/// </summary>
public sealed record ChannelDefinition(
    string? AccountId,
    string? AccountName,
    string? Region,
    IReadOnlyList<string>? MarketplaceIds,
    string? LocationId,
    bool? AutoLinkBySku,
    int? ListingsRefreshMinutes,
    IReadOnlyList<string>? LocationIds = null,
    StockRules? StockRules = null);
