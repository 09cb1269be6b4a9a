namespace InventoryMapping.ListingReports;

/// <summary>What ingesting one report did to the channel's listings.</summary>
public sealed record ReportIngestion(long Rows, long Created, long Updated, long Rejected, long Retired);
