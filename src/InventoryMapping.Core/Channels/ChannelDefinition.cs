namespace InventoryMapping.Channels;

/// <summary>What a caller sends to create or update a channel; unset optional values take their defaults.</summary>
public sealed record ChannelDefinition(
    string? AccountId,
    string? AccountName,
    string? Region,
    IReadOnlyList<string>? MarketplaceIds,
    string? LocationId,
    bool? AutoLinkBySku,
    int? ListingsRefreshMinutes);
