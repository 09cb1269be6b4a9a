namespace InventoryMapping.Csv;

/// <summary>
/// What an export writes, as the API body and an <c>export-requests</c> file give it: the fields (names of
/// <see cref="MappingCsvField"/>, in the order wanted; every field when absent) and the filter (all when absent).
/// </summary>
public sealed record MappingExportRequest(IReadOnlyList<string>? Fields = null, string? Filter = null);
