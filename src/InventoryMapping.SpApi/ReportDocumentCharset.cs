using System.Text;

namespace InventoryMapping.SpApi;

/// <summary>Turns the <c>charset</c> of a document download's Content-Type into an <see cref="Encoding"/>, including Amazon's Java-style names .NET does not know.</summary>
public static class ReportDocumentCharset
{
    private const int Windows1252 = 1252;
    private const int ShiftJisWindows = 932;

    private static readonly Dictionary<string, int> s_aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utf8"] = Encoding.UTF8.CodePage,
        ["utf-8"] = Encoding.UTF8.CodePage,
        ["cp1252"] = Windows1252,
        ["windows-1252"] = Windows1252,
        ["x-cp1252"] = Windows1252,
        // Amazon labels Cp1252 bytes as Latin-1 too; decoding 0x80-0x9F as Latin-1 would turn € „ “ into control characters.
        ["iso-8859-1"] = Windows1252,
        ["iso8859-1"] = Windows1252,
        ["iso8859_1"] = Windows1252,
        ["latin1"] = Windows1252,
        ["us-ascii"] = Windows1252,
        // Amazon JP documents say Shift_JIS but contain the Windows (cp932) extensions.
        ["shift_jis"] = ShiftJisWindows,
        ["shift-jis"] = ShiftJisWindows,
        ["sjis"] = ShiftJisWindows,
        ["x-sjis"] = ShiftJisWindows,
        ["windows-31j"] = ShiftJisWindows,
        ["cp932"] = ShiftJisWindows,
        ["ms932"] = ShiftJisWindows,
    };

    static ReportDocumentCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// When no charset was given: UTF-8 where the bytes are valid UTF-8, Windows-1252 where they are not (a UTF-8
    /// byte-order mark still wins when the document is read). Always Windows-1252 would turn UTF-8 titles into mojibake
    /// and non-ASCII SKUs into new listings while the real ones retire.
    /// </summary>
    public static Encoding Default => Windows1252Fallback.Utf8OrWindows1252();

    /// <exception cref="ReportDocumentException">The charset names no encoding this runtime has.</exception>
    public static Encoding Resolve(string? charset)
    {
        var name = charset?.Trim().Trim('"', '\'');
        if (string.IsNullOrEmpty(name))
        {
            return Default;
        }

        if (s_aliases.TryGetValue(name, out var codePage))
        {
            return codePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Encoding.GetEncoding(codePage);
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException e)
        {
            throw ReportDocumentException.Permanent($"The report document's charset '{name}' is not a known encoding.", e);
        }
    }
}
