namespace InventoryMapping.Csv;

/// <summary>
/// One record of an import file: the physical line it starts on (1-based), the byte offsets where it starts and where
/// the next one does, its fields (at most <see cref="CsvRecordReader.MaxFields"/> kept, <see cref="FieldCount"/> all),
/// and what was malformed about it, if anything.
/// </summary>
public sealed record CsvRecord(long Line, long Start, long End, IReadOnlyList<CsvCell> Cells, int FieldCount, string? Problem)
{
    /// <summary>The physical line the next record starts on.</summary>
    public long NextLine { get; init; }

    /// <summary>Set when the file ended inside a quoted field: the line the quote opened on.</summary>
    public long? UnclosedQuoteLine { get; init; }
}
