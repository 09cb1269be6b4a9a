using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Channels;

/// <summary>Row of the Channels table: one partition, row key = channel id.</summary>
internal sealed class ChannelEntity : ITableEntity
{
    public const string Partition = "channel";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string AccountId { get; set; } = "";

    public string AccountName { get; set; } = "";

    public string Region { get; set; } = "";

    /// <summary>Comma-separated; marketplace ids never contain commas.</summary>
    public string MarketplaceIds { get; set; } = "";

    public string LocationId { get; set; } = "";

    /// <summary>Comma-separated, <see cref="LocationId"/> first; null on rows written before channels had several.</summary>
    public string? LocationIds { get; set; }

    public int? StockPercentage { get; set; }

    public int? MaxListedQuantity { get; set; }

    public int? EndWhenStock { get; set; }

    public bool AutoLinkBySku { get; set; }

    public int ListingsRefreshMinutes { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the channel's deletion started: it reads as gone while the job removes what it had.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The job removing the deleted channel's listings and report requests.</summary>
    public string? DeletionJobId { get; set; }

    public Channel ToChannel() => new(
        RowKey,
        AccountId,
        AccountName,
        Enum.Parse<AmazonRegion>(Region),
        MarketplaceIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
        LocationId,
        AutoLinkBySku,
        ListingsRefreshMinutes,
        UpdatedAt,
        ETag.ToString())
    {
        LocationIds = string.IsNullOrEmpty(LocationIds) ? [LocationId] : LocationIds.Split(','),
        StockRules = new StockRules(StockPercentage, MaxListedQuantity, EndWhenStock),
    };
}
