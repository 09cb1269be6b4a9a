namespace InventoryMapping.SpApi;

internal sealed record GetReportsResponse(IReadOnlyList<Report> Reports, string? NextToken);
