namespace InventoryMapping.ListingReports;

/// <summary>One request for a channel's All Listings report and what became of it.</summary>
/// <param name="ListingsToRetire">When <see cref="ReportRequestStatus.Held"/>: how many listed listings confirming it would retire.</param>
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
    string? Error,
    long? ListingsToRetire = null);
