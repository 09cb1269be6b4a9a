using System.Text;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Listings;

namespace InventoryMapping.Functions.Tests;

/// <summary>Each bad input of an import ends in a clear result; in reject mode nothing is applied.</summary>
public sealed class ImportBadInputTests : ApiTest
{
    private ImportDrops Drops => new(Api);

    public static TheoryData<string, byte[], string> RefusedFiles() => new()
    {
        { "empty", [], "empty (0 bytes)" },
        { "binary", [.. "ChannelSku,LinkedItemSku\n"u8, 0, 1, 2, 0, 0xFF, 0x00], "not text" },
        { "random", [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) ^ (i >> 3)))], "not text" },
        { "xlsx", [.. "PK\u0003\u0004"u8, .. "[Content_Types].xml"u8], "save it as CSV" },
        { "unclosed quote", Encoding.UTF8.GetBytes("ChannelSku,LinkedItemSku\nA,item-a\n\"B,item-a\nC,item-a\n"), "quote opened on line 3" },
        { "duplicate column", Encoding.UTF8.GetBytes("ChannelSku,LinkedItemSku,channel sku\nA,item-a,A\n"), "'channel sku' appears twice" },
        { "two columns for a field", Encoding.UTF8.GetBytes("SKU,Seller SKU,LinkedItemSku\nA,A,item-a\n"), "both give ChannelSku" },
        { "no sku column", Encoding.UTF8.GetBytes("Title,LinkedItemSku\nx,item-a\n"), "No column names the listing" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_refused_file_fails_with_the_reason_and_applies_nothing(string what, byte[] bytes, string reason)
    {
        await Drops.SeedAsync(["A", "B", "C"], ["item-a"]);
        await Drops.DropAsync($"{what.Replace(' ', '-')}.csv", bytes);

        var job = await Drops.ImportAsync(what.Replace(' ', '-'));

        Assert.Equal("failed", ImportDrops.Status(job));
        Assert.Contains(reason, job.GetProperty("error").GetString());
        Assert.Equal(0, ImportDrops.Count(job, "applied"));
        Assert.Equal(0, job.GetProperty("reportedCount").GetInt64());
        Assert.Null(await Drops.LinkedItemAsync("A"));
        Assert.Null(await Drops.LinkedItemAsync("C"));
    }

    [Fact]
    public async Task A_header_only_file_succeeds_with_no_rows()
    {
        await Drops.SeedAsync(["A"], []);
        await Drops.DropAsync("header.csv", "ChannelSku,LinkedItemSku\r\n");
        var job = await Drops.ImportAsync("header");
        Assert.Equal("succeeded", ImportDrops.Status(job));
        Assert.Equal(0, ImportDrops.Count(job, "rows"));
    }

    [Fact]
    public async Task Bad_rows_are_rejected_one_by_one_and_nothing_is_applied()
    {
        await Drops.SeedAsync(["A", "B", "b", "=SUM(1)", "Z", "D", "E"], ["item-a", "Item-X"]);
        await Api.LinkAsync(ImportDrops.Channel, ListingIds.FromSku("Z"), new { itemSku = "item-a" });
        var bigCell = new string('x', 1_048_576);
        var csv = new StringBuilder("ChannelSku,LinkedItemSku,IgnoreSync,Notes\n")
            .Append("A,item-a,,\n")                        // 2 valid
            .Append("nope,item-a,,\n")                     // 3 unknown listing
            .Append("B,no-such-item,,\n")                  // 4 unknown item
            .Append("b,ITEM-x,maybe,\n")                   // 5 invalid boolean (item differing in case resolves)
            .Append("Z,item-a\n")                          // 6 short row: not an unlink
            .Append("D,=cmd|' /C calc'!A0,,\n")            // 7 unknown item, echoed neutralised
            .Append("E\u200B,item-a,,\n")                  // 8 zero-width space: not stripped
            .Append("ctl\u0001,item-a,,\n")                // 9 control character, shown escaped
            .Append(CultureInvariant($"{bigCell},item-a,,\n")) // 10 a 1 MB cell
            .Append("'=SUM(1),item-a,,\n")                 // 11 exported form of a formula-like SKU: valid
            .Append("E,item-a,,extra,fields\n");           // 12 ragged: more fields
        await Drops.DropAsync("rows.csv", csv.ToString());

        var job = await Drops.ImportAsync("rows");

        Assert.Equal("failed", ImportDrops.Status(job));
        Assert.Equal(11, ImportDrops.Count(job, "rows"));
        Assert.Equal(9, ImportDrops.Count(job, "rejected"));
        Assert.Equal(0, ImportDrops.Count(job, "applied"));
        Assert.Null(await Drops.LinkedItemAsync("A"));
        Assert.Null(await Drops.LinkedItemAsync("=SUM(1)"));
        Assert.NotNull(await Drops.LinkedItemAsync("Z"));
        var errors = (await Drops.ErrorsAsync(job))!;
        Assert.Contains("3,ChannelSku,nope,\"No listing of this channel has this SKU", errors);
        Assert.Contains("4,LinkedItemSku,no-such-item,\"No inventory item", errors);
        Assert.Contains("5,IgnoreSync,maybe,\"IgnoreSync is one of", errors);
        Assert.Contains("6,,,\"The row has 2 fields, the header 4", errors);
        Assert.Contains("7,LinkedItemSku,'=cmd|' /C calc'!A0,\"No inventory item", errors);
        Assert.Contains("8,ChannelSku,E\\u200B,", errors);
        Assert.Contains("9,ChannelSku,ctl\\u0001,", errors);
        Assert.Contains("10,ChannelSku," + new string('x', 100) + "…,\"The value is 1,048,576 characters long", errors);
        Assert.Contains("12,,,\"The row has 5 fields, more than the header's 4", errors);
        Assert.DoesNotContain("\u0001", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(",11,", errors);
        Assert.True(errors.Length < 20_000, "values are echoed truncated");
    }

    [Fact]
    public async Task Skip_mode_links_formula_like_skus_literally_and_items_differing_in_case()
    {
        var items = await Drops.SeedAsync(["=SUM(1)", "+1", "b"], ["Item-X", "@risk"]);
        await Drops.DropAsync("lit.mapping.json", """{"onError": "skip"}""");
        await Drops.DropAsync("lit.csv", "ChannelSku,LinkedItemSku\n'=SUM(1),'@risk\n+1,ITEM-x\nb,item-x \n");

        var job = await Drops.ImportAsync("lit");

        Assert.Equal(2, ImportDrops.Count(job, "applied"));
        Assert.Equal(1, ImportDrops.Count(job, "rejected"));
        Assert.Equal(items["@risk"], await Drops.LinkedItemAsync("=SUM(1)"));
        Assert.Equal(items["Item-X"], await Drops.LinkedItemAsync("+1"));
        Assert.Null(await Drops.LinkedItemAsync("b")); // "item-x " is not "Item-X": never loosened to another item
    }

    [Fact]
    public async Task Conflicting_duplicates_apply_neither_and_case_differing_skus_are_two_listings()
    {
        var items = await Drops.SeedAsync(["A", "a", "C"], ["item-1", "item-2"]);
        await Drops.DropAsync("dups.mapping.json", """{"onError": "skip"}""");
        await Drops.DropAsync("dups.csv", "ChannelSku,LinkedItemSku\nA,item-1\na,item-2\nC,item-1\nA,item-2\nC,item-1\n");

        var job = await Drops.ImportAsync("dups");

        Assert.Equal(2, ImportDrops.Count(job, "rejected"));
        Assert.Equal(2, ImportDrops.Count(job, "applied"));
        Assert.Null(await Drops.LinkedItemAsync("A"));
        Assert.Equal(items["item-2"], await Drops.LinkedItemAsync("a"));
        Assert.Equal(items["item-1"], await Drops.LinkedItemAsync("C"));
        var errors = (await Drops.ErrorsAsync(job))!;
        Assert.Contains("5,ChannelSku,A,The listing is also on line 2 with other values", errors);
        Assert.Contains("2,ChannelSku,A,The listing is also on line 5 with other values", errors);
    }

    [Fact]
    public async Task Mixed_encodings_read_each_part_as_what_it_is()
    {
        var items = await Drops.SeedAsync(["Café-1", "Café-2"], ["item"]);
        byte[] bytes =
        [
            .. "ChannelSku,LinkedItemSku\nCaf"u8, .. "\u00e9"u8.ToArray(), .. "-1,item\nCaf"u8, 0xE9, .. "-2,item\n"u8,
        ];
        await Drops.DropAsync("mixed.csv", bytes);

        var job = await Drops.ImportAsync("mixed");

        Assert.Equal("succeeded", ImportDrops.Status(job));
        Assert.Equal(items["item"], await Drops.LinkedItemAsync("Café-1"));
        Assert.Equal(items["item"], await Drops.LinkedItemAsync("Café-2"));
    }

    [Fact]
    public async Task A_bad_sidecar_fails_the_import_naming_it()
    {
        await Drops.SeedAsync(["A"], ["item-a"]);
        await Drops.DropAsync("side.mapping.json", """{"columns": {"A": "Title"}}""");
        await Drops.DropAsync("side.csv", "A,LinkedItemSku\nA,item-a\n");
        var job = await Drops.ImportAsync("side");
        Assert.Equal("failed", ImportDrops.Status(job));
        Assert.Contains("'Title', which an import does not set", job.GetProperty("error").GetString());
    }

    private static string CultureInvariant(string text) => text;
}
