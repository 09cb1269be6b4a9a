namespace InventoryMapping.Amazon;

internal sealed record GetReportsResponse(IReadOnlyList<Report> Reports, string? NextToken);
