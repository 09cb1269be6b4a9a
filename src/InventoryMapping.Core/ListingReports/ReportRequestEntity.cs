using Azure;
using Azure.Data.Tables;
using InventoryMapping.Lifecycle;

namespace InventoryMapping.ListingReports;

/// <summary>
/// A request row of the ReportRequests table: partition = channel id, log-tail row key (newest first). The channel's
/// in-flight slot is the lifecycle's row <c>!slot:listingsReport</c> of the same partition.
/// </summary>
public sealed class ReportRequestEntity : ITrackedRequest
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The first marketplace's report (the only one of a single-marketplace channel).</summary>
    public string? AmazonReportId { get; set; }

    /// <summary>
    /// The marketplaces this request asks a report for, comma-separated, in the channel's order: the All Listings
    /// report covers one marketplace, so there is one report each. Null on rows written before (one report).
    /// </summary>
    public string? MarketplaceIds { get; set; }

    /// <summary>The reports created so far, comma-separated, in the order of <see cref="MarketplaceIds"/>.</summary>
    public string? AmazonReportIds { get; set; }

    /// <summary>A <see cref="ReportRequestStatus"/>; changed only through <see cref="MoveTo"/>.</summary>
    public string Status { get; set; } = nameof(ReportRequestStatus.Requested);

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>When the current status began (timeouts count from here).</summary>
    public DateTimeOffset? StatusSince { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public long? RowsIngested { get; set; }

    public long? RowsRejected { get; set; }

    public long? ListingsRetired { get; set; }

    public long? ListingsToRetire { get; set; }

    public string? Error { get; set; }

    public int TransientFailures { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public ReportRequestStatus RequestStatus => Enum.Parse<ReportRequestStatus>(Status);

    /// <summary>Moves to <paramref name="status"/>, stamping when; settled statuses also stamp completion and the reason.</summary>
    /// <exception cref="InvalidOperationException">The state machine does not allow the move.</exception>
    public void MoveTo(ReportRequestStatus status, DateTimeOffset now, string? error = null)
    {
        var from = RequestStatus;
        if (!ReportRequestTransitions.IsAllowed(from, status))
        {
            throw new InvalidOperationException($"Report request {RowKey} of channel {PartitionKey} cannot go from {from} to {status}.");
        }

        if (from != status)
        {
            Status = status.ToString();
            StatusSince = now;
        }

        Error = error;
        if (!ReportRequestTransitions.IsInFlight(status))
        {
            CompletedAt = now;
        }
    }

    /// <summary>Each marketplace and its report (null until created); a row written before marketplaces were tracked is one report of no named marketplace.</summary>
    public IReadOnlyList<(string? MarketplaceId, string? ReportId)> MarketplaceReports()
    {
        if (MarketplaceIds is null)
        {
            return [(null, AmazonReportId)];
        }

        var reports = AmazonReportIds?.Split(',') ?? [];
        return [.. MarketplaceIds.Split(',').Select((id, i) => ((string?)id, i < reports.Length ? reports[i] : null))];
    }

    /// <summary>Records the report created for the next marketplace without one.</summary>
    public void AddReport(string reportId)
    {
        AmazonReportIds = AmazonReportIds is null ? reportId : AmazonReportIds + "," + reportId;
        AmazonReportId ??= reportId;
    }

    /// <summary>How long the request has been in its current status.</summary>
    public TimeSpan InStatusFor(DateTimeOffset now) => now - (StatusSince ?? RequestedAt);

    public ReportRequest ToRequest() => new(
        RowKey, PartitionKey, AmazonReportId, RequestStatus, RequestedAt, CompletedAt, RowsIngested, RowsRejected, ListingsRetired, Error, ListingsToRetire);
}
