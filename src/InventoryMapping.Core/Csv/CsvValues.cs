using System.Globalization;
using System.Text;

namespace InventoryMapping.Csv;

/// <summary>Reading booleans of an import, and showing a cell's value in its error report safely.</summary>
public static class CsvValues
{
    /// <summary>Characters of a value echoed in an error report.</summary>
    public const int MaxEchoChars = 100;

    /// <summary>true/false, 1/0, yes/no, y/n in any case; null when <paramref name="text"/> is none of them.</summary>
    public static bool? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "y" => true,
        "false" or "0" or "no" or "n" => false,
        _ => null,
    };

    /// <summary>
    /// The value as an error report shows it: control and invisible formatting characters escaped (<c>\u200B</c>),
    /// at most <see cref="MaxEchoChars"/> characters (then <c>…</c>), and neutralised against formula injection.
    /// </summary>
    public static string Echo(string value, bool truncated = false)
    {
        var text = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            if (text.Length >= MaxEchoChars)
            {
                truncated = true;
                break;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate || rune.Value is 0xFFFE or 0xFFFF)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                text.Append(rune.ToString());
            }
        }

        return CsvFormulaGuard.Neutralize(truncated ? text + "…" : text.ToString());
    }
}
