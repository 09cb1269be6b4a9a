using System.Text;

namespace InventoryMapping.Storage;

/// <summary>FNV-1a over UTF-8: a hash that never changes between processes or releases, for choosing partitions.</summary>
public static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ buffer[i]) * 16777619u;
            }
        }

        return hash;
    }

    /// <summary>64-bit FNV-1a, for telling many texts apart (collisions are rare enough to count distinct values).</summary>
    public static ulong Of64(string text)
    {
        var hash = 14695981039346656037ul;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ buffer[i]) * 1099511628211ul;
            }
        }

        return hash;
    }

    public static int Bucket(string text, int buckets) => (int)(Of(text) % (uint)buckets);
}
