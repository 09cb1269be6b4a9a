namespace InventoryMapping.Csv;

/// <summary>
/// One field of a record: its text (at most <see cref="CsvRecordReader.MaxCellChars"/> characters kept), its full
/// length, and, for a quoted field, the physical line its opening quote is on.
/// </summary>
public sealed record CsvCell(string Text, long Length, long? QuoteLine)
{
    public bool IsTruncated => Length > Text.Length;
}
