using System.Text;
using CsvHelper;

namespace InventoryMapping.Csv;

/// <summary>
/// Writes mapping CSV text (docs/csv.md): RFC 4180 through CsvHelper, CRLF line ends, UTF-8; every cell through
/// <see cref="CsvFormulaGuard.Neutralize"/>. A cell is quoted when it holds a quote, comma, semicolon, tab, CR or
/// LF, or starts or ends with white space, so a spreadsheet splitting on <c>;</c> or trimming cells keeps it whole.
/// The header (with the BOM) and the rows are written apart, since an export stages them as separate blocks.
/// </summary>
public sealed class MappingCsvWriter : IDisposable
{
    private static readonly CsvWriterOptions s_options = CsvWriterOptions.Default with
    {
        ShouldQuote = (field, _, _, _) => field.Length > 0
            && (field.IndexOfAny(";\t") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])),
    };

    private readonly CsvWriter _csv;

    public MappingCsvWriter(Stream destination) => _csv = CsvWriter.Create(destination, s_options, leaveOpen: true);

    /// <summary>The BOM and the header row: the fields' names.</summary>
    public static byte[] Header(IEnumerable<MappingCsvField> fields)
    {
        using var bytes = new MemoryStream();
        bytes.Write(Encoding.UTF8.Preamble);
        using (var writer = new MappingCsvWriter(bytes))
        {
            writer.WriteRow(fields.Select(f => f.Name));
        }

        return bytes.ToArray();
    }

    /// <summary>One row; null cells are written empty.</summary>
    public void WriteRow(IEnumerable<string?> cells)
    {
        foreach (var cell in cells)
        {
            _csv.WriteField(cell is null ? "" : CsvFormulaGuard.Neutralize(cell));
        }

        _csv.EndRecord();
    }

    public void Dispose()
    {
        _csv.Flush();
        _csv.Dispose();
    }
}
