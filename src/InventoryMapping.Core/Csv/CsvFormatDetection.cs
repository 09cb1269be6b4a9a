namespace InventoryMapping.Csv;

/// <summary>
/// Tells from a file's first bytes whether it is text we can read, and how: the BOM (UTF-8, UTF-16 LE/BE) or UTF-8
/// read with a Windows-1252 fallback; the delimiter (<c>,</c> <c>;</c> or tab) is the one that occurs most in the
/// header line outside quotes, comma on a tie. Binary files and Excel workbooks are refused with what they are, so a
/// wrong file is one clear error rather than a report of every row.
/// </summary>
public static class CsvFormatDetection
{
    /// <summary>How much of the file the detection looks at.</summary>
    public const int SampleBytes = 64 * 1024;

    /// <summary>The file's format, or why it cannot be imported.</summary>
    public static Result<CsvFileFormat> Detect(ReadOnlySpan<byte> head, long fileLength)
    {
        if (fileLength == 0)
        {
            return DomainError.Invalid("file", "The file is empty (0 bytes).");
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return DomainError.Invalid("file", "The file is an Excel workbook (.xlsx) or another zip archive, not CSV: open it in Excel and save it as CSV.");
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            return DomainError.Invalid("file", "The file is an Excel 97-2003 workbook (.xls), not CSV: open it in Excel and save it as CSV.");
        }

        var (encoding, bom) = head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (CsvEncoding.Utf8, 3),
            [0xFF, 0xFE, ..] => (CsvEncoding.Utf16LittleEndian, 2),
            [0xFE, 0xFF, ..] => (CsvEncoding.Utf16BigEndian, 2),
            _ => (CsvEncoding.Utf8, 0),
        };

        var text = CsvDecoder.DecodeSample(head[bom..], encoding);
        if (LooksBinary(text))
        {
            return DomainError.Invalid("file", "The file is not text (it contains NUL or other control bytes): upload a CSV file saved as text.");
        }

        return new CsvFileFormat(encoding, bom, Delimiter(text));
    }

    private static bool LooksBinary(string text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                controls++;
            }
        }

        return controls > Math.Max(8, text.Length / 100);
    }

    private static char Delimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }
}
