namespace InventoryMapping.ListingReports;

/// <summary>
/// The channel's listings download as the summary shows it: never requested, requested at T, in progress,
/// listings as of T, or failed (reason). <paramref name="Latest"/> is the newest request, whatever its outcome.
/// </summary>
public sealed record ChannelReportState(string State, DateTimeOffset? ListingsAsOf, ReportRequest? Latest);
