namespace InventoryMapping.SpApi;

/// <summary>A report line that was skipped: more fields than the header, no SKU, or a value that is not what its column holds.</summary>
/// <param name="LineNumber">1-based, the header being line 1.</param>
/// <param name="Reason">What is wrong with it, for the rejected-rows count's log.</param>
public sealed record MalformedReportRow(long LineNumber, int FieldCount, int ExpectedFieldCount, string Reason = "");
