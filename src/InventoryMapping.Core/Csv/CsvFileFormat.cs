namespace InventoryMapping.Csv;

/// <summary>What <see cref="CsvFormatDetection"/> found: the encoding, how many BOM bytes precede the header, and the delimiter.</summary>
public sealed record CsvFileFormat(CsvEncoding Encoding, int BomLength, char Delimiter);
