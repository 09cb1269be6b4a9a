namespace InventoryMapping.Amazon;

internal sealed record CreateReportResponse(string ReportId);
