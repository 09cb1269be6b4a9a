namespace InventoryMapping.SpApi;

internal sealed record CreateReportSpecification(
    string ReportType,
    IReadOnlyList<string> MarketplaceIds,
    IReadOnlyDictionary<string, string>? ReportOptions = null);
