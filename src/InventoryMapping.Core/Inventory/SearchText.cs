using System.Globalization;
using System.Text;

namespace InventoryMapping.Inventory;

/// <summary>The forms search compares: SKUs upper-cased (as their uniqueness is), titles also without accents.</summary>
internal static class SearchText
{
    public static string Sku(string sku) => ItemSkuKeys.Unique(sku);

    /// <summary>Upper-cased, diacritics removed ("Größe" → "GROßE", "Café" → "CAFE"); same length is not promised.</summary>
    public static string Title(string title)
    {
        if (Ascii.IsValid(title))
        {
            return title.ToUpperInvariant();
        }

        var decomposed = title.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c);

    /// <summary>Whether <paramref name="query"/> occurs in <paramref name="title"/> where a word starts (both normalized).</summary>
    public static bool HasWordPrefix(string title, string query)
    {
        if (query.Length == 0)
        {
            return false;
        }

        for (var from = 0; from <= title.Length - query.Length;)
        {
            var at = title.AsSpan(from).IndexOf(query, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += from;
            if (at == 0 || !IsWordChar(title[at - 1]))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    /// <summary>The words (runs of letters and digits) of a normalized text.</summary>
    public static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
