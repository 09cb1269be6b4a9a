namespace InventoryMapping.SpApi;

internal sealed record CreateReportResponse(string ReportId);
