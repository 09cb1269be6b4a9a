namespace InventoryMapping.Storage;

/// <summary>FNV-1a over UTF-8: a hash that never changes between processes or releases, for choosing partitions.</summary>
public static class StableHash
{
    public static uint Of(string text) => (uint)Fnv1a(text, 2166136261u, 16777619u, uint.MaxValue);

    /// <summary>64-bit FNV-1a, for telling many texts apart (collisions are rare enough to count distinct values).</summary>
    public static ulong Of64(string text) => Fnv1a(text, 14695981039346656037ul, 1099511628211ul, ulong.MaxValue);

    public static int Bucket(string text, int buckets) => (int)(Of(text) % (uint)buckets);

    // The 32-bit variant is the 64-bit arithmetic kept to 32 bits: the low bits of a product depend only on the
    // low bits of its factors, so masking after each step gives exactly 32-bit FNV-1a.
    private static ulong Fnv1a(string text, ulong offsetBasis, ulong prime, ulong mask)
    {
        var hash = offsetBasis;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = ((hash ^ buffer[i]) * prime) & mask;
            }
        }

        return hash;
    }
}
