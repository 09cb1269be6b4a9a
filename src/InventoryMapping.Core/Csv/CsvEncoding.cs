namespace InventoryMapping.Csv;

/// <summary>How an import file's bytes are read (docs/csv.md, Import: encodings).</summary>
public enum CsvEncoding
{
    /// <summary>UTF-8 (with or without a BOM); a byte sequence that is not valid UTF-8 is read as Windows-1252.</summary>
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}
