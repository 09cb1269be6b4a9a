using System.Text.Json.Serialization;

namespace InventoryMapping.Channels;

/// <summary>One Amazon account integration. Credentials are not part of it: they live in settings named after the channel.</summary>
/// <remarks>
/// Its fields are what <see cref="ChannelDefinition"/> takes, spelt the same (region as NA/EU/FE, the refresh interval in
/// minutes), so a GET body less channelId, eTag and updatedAt PUT back changes nothing.
/// </remarks>
public sealed record Channel(
    string ChannelId,
    string AccountId,
    string AccountName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AmazonRegion>))] AmazonRegion Region,
    IReadOnlyList<string> MarketplaceIds,
    string LocationId,
    bool AutoLinkBySku,
    int ListingsRefreshMinutes,
    DateTimeOffset UpdatedAt,
    string ETag)
{
    [JsonIgnore]
    public TimeSpan ListingsRefreshInterval => TimeSpan.FromMinutes(ListingsRefreshMinutes);

    /// <summary>The locations whose stock the channel lists (summed); <see cref="LocationId"/> is the first, kept for clients of one location.</summary>
    public IReadOnlyList<string> LocationIds { get; init; } = [LocationId];

    /// <summary>The channel's stock rules, each a default a listing may override.</summary>
    public StockRules StockRules { get; init; } = StockRules.None;
}
