namespace InventoryMapping.AmazonSandbox;

/// <summary>A createReport the sandbox accepted, as it was sent: whose, which type, which marketplaces, the body's JSON.</summary>
public sealed record SandboxCreateReportCall(string SellerId, string ReportType, IReadOnlyList<string> MarketplaceIds, string Body);
