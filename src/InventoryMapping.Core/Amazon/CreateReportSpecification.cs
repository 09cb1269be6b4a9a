namespace InventoryMapping.Amazon;

internal sealed record CreateReportSpecification(
    string ReportType,
    IReadOnlyList<string> MarketplaceIds,
    IReadOnlyDictionary<string, string>? ReportOptions = null);
