namespace InventoryMapping.SpApi;

/// <summary>A report line that was skipped because its field count differs from the header's.</summary>
/// <param name="LineNumber">1-based, the header being line 1.</param>
public sealed record MalformedReportRow(long LineNumber, int FieldCount, int ExpectedFieldCount);
