using System.Text.RegularExpressions;

namespace InventoryMapping;

/// <summary>
/// Ids chosen by the seller (channels, locations) are slugs: 1-40 lower-case letters, digits and inner dashes, so they
/// appear in URLs, table keys and setting names unchanged.
/// </summary>
public static partial class Slug
{
    public const int MaxLength = 40;

    public const string Rule = "1-40 lower-case letters, digits and inner dashes";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
