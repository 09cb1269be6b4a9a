using InventoryMapping.Csv;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// What an export writes: the fields (names of <see cref="MappingCsvField"/>, in order), which listings, and the
/// blob it writes in the exports container (<c>{channelId}/{name}.csv</c>); the request file it came from, if any.
/// </summary>
internal sealed record ExportMappingParameters(IReadOnlyList<string> Fields, MappingExportFilter Filter, string FileName, string? RequestFile = null)
{
    public int Version { get; init; } = 1;
}
