namespace InventoryMapping.SpApi;

/// <summary>The model's <c>Report</c>; <see cref="ReportDocumentId"/> is set once the report is <see cref="ReportProcessingStatus.Done"/>.</summary>
public sealed record Report(
    string ReportId,
    string ReportType,
    DateTimeOffset CreatedTime,
    ReportProcessingStatus ProcessingStatus,
    IReadOnlyList<string>? MarketplaceIds = null,
    DateTimeOffset? DataStartTime = null,
    DateTimeOffset? DataEndTime = null,
    string? ReportScheduleId = null,
    DateTimeOffset? ProcessingStartTime = null,
    DateTimeOffset? ProcessingEndTime = null,
    string? ReportDocumentId = null);
