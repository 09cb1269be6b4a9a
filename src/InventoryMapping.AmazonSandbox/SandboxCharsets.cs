using System.Text;

namespace InventoryMapping.AmazonSandbox;

/// <summary>The encoding behind a Java-style charset label as Amazon sends it. Characters the encoding lacks become '?', as in Amazon's own Cp1252 documents.</summary>
internal static class SandboxCharsets
{
    static SandboxCharsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding For(string label) => label.Trim().ToLowerInvariant() switch
    {
        "" or "cp1252" or "windows-1252" or "iso-8859-1" => Encoding.GetEncoding(1252),
        "utf8" or "utf-8" => new UTF8Encoding(false),
        "shift_jis" or "sjis" or "cp932" or "windows-31j" => Encoding.GetEncoding(932),
        // A label no client can know (Amazon has sent labels .NET rejects): the bytes are Cp1252, the label is sent as given.
        _ => TryGet(label) ?? Encoding.GetEncoding(1252),
    };

    private static Encoding? TryGet(string label)
    {
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string ContentType(string label) => string.IsNullOrWhiteSpace(label) ? "text/plain" : $"text/plain;charset={label}";
}
