using System.Globalization;

namespace InventoryMapping.SpApi;

/// <summary>
/// Amazon's <c>open-date</c> as a UTC instant. It comes in the marketplace's format with a zone abbreviation
/// (<c>dd/MM/yyyy HH:mm:ss BST</c>, <c>yyyy-MM-dd HH:mm:ss PST</c>, <c>yyyy/MM/dd HH:mm:ss JST</c>) or as ISO 8601;
/// anything else stays text only.
/// </summary>
public static class ReportOpenDate
{
    private static readonly Dictionary<string, TimeSpan> s_zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["MET"] = TimeSpan.FromHours(1), ["MEST"] = TimeSpan.FromHours(2), ["WET"] = TimeSpan.Zero, ["WEST"] = TimeSpan.FromHours(1),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7), ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5), ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4),
        ["JST"] = TimeSpan.FromHours(9), ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11), ["IST"] = TimeSpan.FromHours(5.5),
    };

    private static readonly string[] s_localFormats = ["dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "dd.MM.yyyy HH:mm:ss"];

    public static DateTimeOffset? ToUtc(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (DateTimeOffset.TryParseExact(trimmed, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso.ToUniversalTime();
        }

        var space = trimmed.LastIndexOf(' ');
        if (space < 0 || !s_zones.TryGetValue(trimmed[(space + 1)..], out var offset))
        {
            return null;
        }

        return DateTime.TryParseExact(trimmed[..space], s_localFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, offset).ToUniversalTime()
            : null;
    }
}
