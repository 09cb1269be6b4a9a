namespace InventoryMapping.ListingReports;

/// <summary>One request for a channel's All Listings report and what became of it.</summary>
public sealed record ReportRequest(
    string RequestId,
    string ChannelId,
    string? AmazonReportId,
    ReportRequestStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt,
    long? RowsIngested,
    long? RowsRejected,
    long? ListingsRetired,
    string? Error);
