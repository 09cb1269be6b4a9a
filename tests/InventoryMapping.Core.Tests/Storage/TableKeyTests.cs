using InventoryMapping.Storage;

namespace InventoryMapping.Core.Tests.Storage;

public sealed class TableKeyTests
{
    public static TheoryData<string> Skus => new()
    {
        "ABC-123",
        "a/b\\c#d?e%f'g",
        "with space",
        "Größe-€-„quoted“",
        "日本語SKU",
        "~tilde~",
        "x",
    };

    [Theory]
    [MemberData(nameof(Skus))]
    public void Encode_round_trips_any_sku(string sku)
    {
        var key = TableKey.Encode(sku);

        Assert.True(TableKey.TryDecode(key, out var decoded));
        Assert.Equal(sku, decoded);
    }

    [Theory]
    [MemberData(nameof(Skus))]
    public void Encoded_keys_hold_only_characters_allowed_in_table_keys_and_url_paths(string sku)
    {
        var key = TableKey.Encode(sku);

        Assert.All(key, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~', $"'{c}' in {key}"));
    }

    [Theory]
    [InlineData("AB/C", "AB")]
    [InlineData("AB/C", "AB/")]
    [InlineData("Größe", "Gr")]
    [InlineData("Größe", "Grö")]
    public void Prefixes_of_the_text_are_prefixes_of_the_key(string text, string prefix)
    {
        var key = TableKey.Encode(text);
        var encodedPrefix = TableKey.Encode(prefix);

        Assert.StartsWith(encodedPrefix, key, StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(key, TableKey.PrefixUpperBound(encodedPrefix)) < 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a~")]
    [InlineData("a~4")]
    [InlineData("a~41")] // 'A' is never escaped, so this is not a key Encode produces
    [InlineData("a b")]
    [InlineData("a~ZZ")]
    public void TryDecode_rejects_what_Encode_never_produces(string key)
    {
        Assert.False(TableKey.TryDecode(key, out _));
    }
}
