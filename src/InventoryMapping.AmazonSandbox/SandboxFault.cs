namespace InventoryMapping.AmazonSandbox;

/// <summary>Makes the next <paramref name="Times"/> requests (all, when null) of <paramref name="Operation"/> fail or stall.</summary>
/// <param name="Operation"><c>token</c>, <c>createReport</c>, <c>getReport</c>, <c>cancelReport</c>, <c>getReportDocument</c>, <c>download</c>, or <c>*</c> for all.</param>
/// <param name="SellerId">Only this seller's requests (by access token, or by document for a download); all sellers when null. Token requests are not matched by seller.</param>
public sealed record SandboxFault(string Operation, SandboxFaultKind Kind, int? Times = null, TimeSpan? Delay = null, string? SellerId = null);
