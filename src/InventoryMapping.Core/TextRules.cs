using System.Globalization;
using System.Text;

namespace InventoryMapping;

/// <summary>
/// The two rules every text field of the API follows. An <b>identifier</b> (SKU, seller id, ASIN) is visible, unambiguous
/// text: well-formed Unicode, no control, format (zero-width, bidi, BOM) or noncharacter code points, not blank. A
/// <b>free text</b> (title, name, description) is well-formed Unicode without control characters or noncharacters, but
/// where the field allows several lines, tab and line breaks. Lengths count characters (Unicode scalar values).
/// </summary>
public static class TextRules
{
    /// <summary>Null when <paramref name="value"/> is a valid identifier, else why not, in the words of <paramref name="what"/>.</summary>
    public static string? IdentifierProblem(string what, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{what} is required.";
        }

        if (Common(what, value, maxLength) is { } problem)
        {
            return problem;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return $"{what} may not contain control or invisible formatting characters (U+{rune.Value:X4}).";
            }
        }

        return string.IsNullOrWhiteSpace(value) ? $"{what} may not be blank." : null;
    }

    /// <summary>Null when <paramref name="value"/> is valid free text (null counts as valid: say whether it is required).</summary>
    public static string? FreeTextProblem(string what, string? value, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            return null;
        }

        if (Common(what, value, maxLength) is { } problem)
        {
            return problem;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control && !(multiline && rune.Value is '\t' or '\n' or '\r'))
            {
                return multiline
                    ? $"{what} may not contain control characters other than tab and line breaks (U+{rune.Value:X4})."
                    : $"{what} may not contain control characters (U+{rune.Value:X4}).";
            }
        }

        return null;
    }

    private static string? Common(string what, string value, int maxLength)
    {
        if (!IsWellFormed(value))
        {
            return $"{what} is not well-formed Unicode text.";
        }

        var length = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsNoncharacter(rune.Value))
            {
                return $"{what} may not contain the noncharacter U+{rune.Value:X4}.";
            }

            length++;
        }

        return length > maxLength ? $"{what} has at most {maxLength} characters." : null;
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
