using System.Text.RegularExpressions;

namespace InventoryMapping.Channels;

/// <summary>Channel ids are slugs: they appear in URLs, table keys and setting names unchanged.</summary>
public static partial class ChannelIds
{
    public const int MaxLength = 40;

    public static bool IsValid(string? channelId) => channelId is not null && Slug().IsMatch(channelId);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
