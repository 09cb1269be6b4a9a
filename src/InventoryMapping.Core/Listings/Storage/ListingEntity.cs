using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Listings.Storage;

/// <summary>Row of the Listings table: partition <see cref="ListingPartition.PartitionKey"/>, row key = listing id.</summary>
internal sealed class ListingEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Sku { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Asin { get; set; }

    /// <summary>Invariant decimal text: the Tables SDK cannot store decimal.</summary>
    public string? Price { get; set; }

    public int? Quantity { get; set; }

    public bool IsFba { get; set; }

    /// <summary>In the channel's latest complete report; false: retired (kept with its link and flags until it returns).</summary>
    public bool IsListed { get; set; }

    /// <summary>Amazon's status is Active (<see cref="ListingStatus.Active"/>); Amazon's own text is <see cref="Status"/>.</summary>
    public bool IsActive { get; set; }

    // Owned by users: ingestion never writes these.
    public bool IgnoreSync { get; set; }

    public bool IsLinked { get; set; }

    public string? LinkedItemId { get; set; }

    public DateTimeOffset? LinkedAt { get; set; }

    /// <summary>The job that made the current link, so a re-run of that job counts it as its own.</summary>
    public string? LinkJobId { get; set; }

    /// <summary>The bulk edit (import) job that last changed the listing, so a page that job redoes after a crash counts what it wrote before as applied.</summary>
    public string? EditJobId { get; set; }

    // From Amazon's report.
    public string? Status { get; set; }

    public string? AmazonListingId { get; set; }

    public string? ProductId { get; set; }

    public string? ProductIdType { get; set; }

    public string? OpenDate { get; set; }

    public string? FulfillmentChannel { get; set; }

    public string? LastReportId { get; set; }

    // Stock sync status, written by the stock sync.
    public DateTimeOffset? SyncUpdateDate { get; set; }

    public DateTimeOffset? SyncLastUpdate { get; set; }

    public int? SyncQuantity { get; set; }

    public string? SyncError { get; set; }

    /// <summary>The channel claims this SKU in its seller's region (see StockSync.SkuClaims): set after the claim is written, cleared before it is released.</summary>
    public bool SkuClaimed { get; set; }

    // The listing's overrides of its channel's stock rules (null: the channel's), set by users.
    public int? StockPercentage { get; set; }

    public int? MaxListedQuantity { get; set; }

    public int? EndWhenStock { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ListingEntity Clone() => (ListingEntity)MemberwiseClone();
}
