using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.ListingReports;

/// <summary>
/// Rows of the ReportRequests table, partition = channel id. Requests have log-tail row keys (newest first); the
/// row <see cref="StateRow"/> holds the request in flight (at most one) and when listings last arrived.
/// </summary>
internal sealed class ReportRequestEntity : ITableEntity
{
    public const string StateRow = "!state";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    // Request rows.
    public string? AmazonReportId { get; set; }

    public string Status { get; set; } = nameof(ReportRequestStatus.Requested);

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public long? RowsIngested { get; set; }

    public long? RowsRejected { get; set; }

    public long? ListingsRetired { get; set; }

    public string? Error { get; set; }

    // State row.
    public string? InFlightRequestId { get; set; }

    public DateTimeOffset? ListingsAsOf { get; set; }

    public ReportRequestStatus RequestStatus => Enum.Parse<ReportRequestStatus>(Status);

    public static string NewRequestId(DateTimeOffset requestedAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - requestedAt.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture)
        + Guid.NewGuid().ToString("N")[..6];

    public ReportRequest ToRequest() => new(
        RowKey, PartitionKey, AmazonReportId, RequestStatus, RequestedAt, CompletedAt, RowsIngested, RowsRejected, ListingsRetired, Error);
}
