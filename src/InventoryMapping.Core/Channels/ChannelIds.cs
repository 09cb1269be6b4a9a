namespace InventoryMapping.Channels;

/// <summary>Channel ids are <see cref="Slug"/>s: they appear in URLs, table keys and setting names unchanged.</summary>
public static class ChannelIds
{
    public const int MaxLength = Slug.MaxLength;

    public static bool IsValid(string? channelId) => Slug.IsValid(channelId);
}
