namespace InventoryMapping.ListingReports;

/// <summary>What ingesting one report did to the channel's listings.</summary>
/// <param name="Held">Nothing was retired because <paramref name="ToRetire"/> listings were more than the allowed share.</param>
public sealed record ReportIngestion(long Rows, long Created, long Updated, long Rejected, long Retired, bool Held = false, long ToRetire = 0);
