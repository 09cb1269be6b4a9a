using InventoryMapping.Csv;

namespace InventoryMapping.Imports;

/// <summary>
/// One record of an import file as a page gives it, with the pass and page it belongs to and the header's layout; or
/// the reason the file is refused; or (<see cref="EndsPass"/>, no record) the mark that the pass has read the whole file.
/// </summary>
internal sealed record ImportRow(ImportCursor? At, CsvRecord? Record, string? FileError)
{
    public bool EndsPass { get; init; }

    public static ImportRow Refused(ImportCursor? at, string reason) => new(at, null, reason);

    public static ImportRow EndOfPass(ImportCursor at) => new(at, null, null) { EndsPass = true };
}
