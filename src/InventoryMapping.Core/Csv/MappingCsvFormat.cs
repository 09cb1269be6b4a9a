using System.Globalization;

namespace InventoryMapping.Csv;

/// <summary>How the mapping CSV writes values that are not text, the same in every culture (docs/csv.md).</summary>
public static class MappingCsvFormat
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Digits with an optional minus sign, no grouping.</summary>
    public static string? Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>UTC, ISO 8601 to the second: <c>2026-12-03T10:30:00Z</c>.</summary>
    public static string? Instant(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A decimal point, no grouping, the digits as stored (<c>12.5</c>, <c>1299.00</c>).</summary>
    public static string? Decimal(string? invariant) => invariant;
}
