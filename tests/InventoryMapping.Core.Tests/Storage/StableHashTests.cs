using InventoryMapping.Storage;

namespace InventoryMapping.Core.Tests.Storage;

/// <summary>Stored partition keys depend on these values: they must never change.</summary>
public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u, 0xcbf29ce484222325ul)]
    [InlineData("a", 0xe40c292cu, 0xaf63dc4c8601ec8cul)]
    [InlineData("foobar", 0xbf9cf968u, 0x85944171f73967e8ul)]
    public void Hashes_are_the_published_fnv1a_values(string text, uint hash32, ulong hash64)
    {
        Assert.Equal(hash32, StableHash.Of(text));
        Assert.Equal(hash64, StableHash.Of64(text));
    }
}
