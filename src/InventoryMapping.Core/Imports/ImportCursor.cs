using System.Text.Json;
using InventoryMapping.Csv;
using InventoryMapping.Jobs;

namespace InventoryMapping.Imports;

/// <summary>
/// Where an import's pass is in its file (the checkpointed cursor of its one part): the phase, the byte offset and
/// physical line of the next record, the page number, and what the header said (format, mapped columns), so a page
/// reads on from any record boundary without reading the file's start again.
/// </summary>
internal sealed record ImportCursor(
    ImportPhase Phase,
    long Offset,
    long Line,
    int Page,
    CsvEncoding Encoding,
    char Delimiter,
    IReadOnlyDictionary<ImportColumn, int> Columns,
    IReadOnlyDictionary<ImportColumn, string> Names,
    int Width,
    long DataOffset,
    long DataLine)
{
    public string Write() => JobDocument.Write(this);

    public static ImportCursor Read(string text) => JsonSerializer.Deserialize<ImportCursor>(text, JobDocument.Options)!;

    public string NameOf(ImportColumn column) => Names.TryGetValue(column, out var name) ? name : column.ToString();
}
