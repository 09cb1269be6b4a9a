using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Listings;

namespace InventoryMapping.Functions.Tests;

public sealed class ListingLinkingTests : ApiTest
{
    public static TheoryData<string> OddSkus => new()
    {
        "plain-SKU-1",
        "a/b\\c",
        "hash#and?question",
        "100% cotton",
        "it's quoted",
        "  spaced  out ",
        "Größe-€-日本",
        "x".PadRight(40, 'y'),
    };

    [Theory]
    [MemberData(nameof(OddSkus))]
    public async Task Any_amazon_sku_links_and_unlinks_end_to_end(string sku)
    {
        await Api.PutChannelAsync("shop");
        var created = await Api.PutListingAsync("shop", new { sku, title = "Thing", price = 9.99m, quantity = 3 });
        Assert.Equal(201, created.Status);
        var listingId = created.Json.GetProperty("listingId").GetString()!;
        Assert.Equal(listingId, Uri.EscapeDataString(listingId));

        var item = await Api.CreateItemAsync(new { sku, title = "Thing" });
        Assert.Equal(201, item.Status);
        var itemId = item.Json.GetProperty("itemId").GetString();

        var linked = await Api.LinkAsync("shop", listingId, new { itemSku = sku });
        Assert.Equal(200, linked.Status);
        Assert.Equal(itemId, linked.Json.GetProperty("linkedItem").GetProperty("itemId").GetString());

        var read = await Api.GetListingAsync("shop", listingId);
        Assert.Equal(sku, read.Json.GetProperty("sku").GetString());
        Assert.Equal(itemId, read.Json.GetProperty("linkedItem").GetProperty("itemId").GetString());

        var unlinked = await Api.UnlinkAsync("shop", listingId);
        Assert.Equal(200, unlinked.Status);
        Assert.False(unlinked.Json.TryGetProperty("linkedItem", out _));
    }

    [Fact]
    public async Task Summary_counts_active_and_inactive_listings_linked_or_not()
    {
        await Api.PutChannelAsync("shop");
        foreach (var sku in new[] { "A", "B", "C" })
        {
            await Api.PutListingAsync("shop", new { sku, title = sku });
        }

        await Api.PutListingAsync("shop", new { sku = "OUT", title = "out of stock", status = "inactive" });
        await Api.CreateItemAsync(new { sku = "A", title = "A" });
        await Api.LinkAsync("shop", ListingIds.FromSku("A"), new { itemSku = "A" });

        var summary = await Api.SummaryAsync("shop");

        Assert.Equal(200, summary.Status);
        var counts = summary.Json.GetProperty("counts");
        Assert.Equal(4, counts.GetProperty("total").GetInt64());
        Assert.Equal(3, counts.GetProperty("active").GetInt64());
        Assert.Equal(1, counts.GetProperty("inactive").GetInt64());
        Assert.Equal(1, counts.GetProperty("linked").GetInt64());
        Assert.Equal(3, counts.GetProperty("unlinked").GetInt64());
        Assert.Equal("A1SELLER", summary.Json.GetProperty("accountId").GetString());
    }

    [Fact]
    public async Task Relinking_replaces_the_link_and_keeps_counts()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "L1", title = "t" });
        var first = (await Api.CreateItemAsync(new { sku = "I1", title = "one" })).Json.GetProperty("itemId").GetString();
        var second = (await Api.CreateItemAsync(new { sku = "I2", title = "two" })).Json.GetProperty("itemId").GetString();

        await Api.LinkAsync("shop", "L1", new { itemId = first });
        var relinked = await Api.LinkAsync("shop", "L1", new { itemId = second });

        Assert.Equal(second, relinked.Json.GetProperty("linkedItem").GetProperty("itemId").GetString());
        var counts = (await Api.SummaryAsync("shop")).Json.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("linked").GetInt64());
        Assert.Equal(0, counts.GetProperty("unlinked").GetInt64());
    }

    [Fact]
    public async Task Create_item_from_listing_copies_amazon_fields_and_links()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "MUG/01", title = "Blue mug", price = 12.5m, quantity = 7 });

        var response = await Api.CreateItemFromListingAsync("shop", ListingIds.FromSku("MUG/01"));

        Assert.Equal(201, response.Status);
        var item = response.Json.GetProperty("item");
        Assert.Equal("MUG/01", item.GetProperty("sku").GetString());
        Assert.Equal("Blue mug", item.GetProperty("title").GetString());
        Assert.Equal(0m, item.GetProperty("purchasePrice").GetDecimal());
        Assert.Equal(12.5m, item.GetProperty("retailPrice").GetDecimal());
        Assert.Equal("", item.GetProperty("description").GetString());
        Assert.Equal(0m, item.GetProperty("weight").GetDecimal());
        Assert.Equal(-1m, item.GetProperty("taxRate").GetDecimal());
        Assert.Equal(7, item.GetProperty("stockLevels").GetProperty("default").GetInt32());
        Assert.Equal(item.GetProperty("itemId").GetString(), response.Json.GetProperty("listing").GetProperty("linkedItem").GetProperty("itemId").GetString());
    }

    [Fact]
    public async Task Create_item_from_listing_when_the_sku_exists_is_a_conflict_naming_the_item_and_creates_nothing()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "dup-1", title = "t" });
        var existing = (await Api.CreateItemAsync(new { sku = "DUP-1", title = "x" })).Json.GetProperty("itemId").GetString()!;

        var response = await Api.CreateItemFromListingAsync("shop", "dup-1");

        Assert.Equal(409, response.Status);
        Assert.Contains(existing, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var search = await Api.SearchAsync("q=dup-1");
        Assert.Single(search.Json.GetProperty("items").EnumerateArray());
        Assert.False((await Api.GetListingAsync("shop", "dup-1")).Json.TryGetProperty("linkedItem", out _));
    }

    [Fact]
    public async Task Two_edits_with_the_same_version_one_wins_and_the_other_gets_412()
    {
        await Api.PutChannelAsync("shop");
        var listing = await Api.PutListingAsync("shop", new { sku = "E1", title = "t" });
        var etag = listing.Json.GetProperty("eTag").GetString();
        var a = (await Api.CreateItemAsync(new { sku = "IA", title = "a" })).Json.GetProperty("itemId").GetString();
        var b = (await Api.CreateItemAsync(new { sku = "IB", title = "b" })).Json.GetProperty("itemId").GetString();

        var results = await Task.WhenAll(
            Api.LinkAsync("shop", "E1", new { itemId = a }, etag),
            Api.LinkAsync("shop", "E1", new { itemId = b }, etag));

        Assert.Equal([200, 412], results.Select(r => r.Status).Order());
        var winner = results.Single(r => r.Status == 200).Json.GetProperty("linkedItem").GetProperty("itemId").GetString();
        var stored = await Api.GetListingAsync("shop", "E1");
        Assert.Equal(winner, stored.Json.GetProperty("linkedItem").GetProperty("itemId").GetString());
        Assert.Equal("If-Match", results.Single(r => r.Status == 412).ProblemField);
    }

    [Fact]
    public async Task Ignore_sync_is_set_by_patch_and_kept_when_amazon_fields_change()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "S1", title = "t" });

        var patched = await Api.CallAsync<InventoryMapping.Functions.Listings.ListingFunctions>((f, r) => f.Patch(r, "shop", "S1", default), "PATCH", new { ignoreSync = true });
        await Api.PutListingAsync("shop", new { sku = "S1", title = "new title" });

        Assert.Equal(200, patched.Status);
        var stored = await Api.GetListingAsync("shop", "S1");
        Assert.True(stored.Json.GetProperty("ignoreSync").GetBoolean());
        Assert.Equal("new title", stored.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Listing_pages_filter_by_link_state_and_text_and_continue_with_a_token()
    {
        await Api.PutChannelAsync("shop");
        for (var i = 0; i < 12; i++)
        {
            await Api.PutListingAsync("shop", new { sku = $"P-{i:D2}", title = i % 2 == 0 ? "red shirt" : "blue hat", isFba = i % 3 == 0 });
        }

        await Api.CreateItemAsync(new { sku = "P-00", title = "x" });
        await Api.LinkAsync("shop", "P-00", new { itemSku = "P-00" });

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Api.ListingsAsync("shop", "link=unlinked&q=RED&pageSize=2" + (token is null ? "" : "&continuationToken=" + token));
            Assert.Equal(200, page.Status);
            var listings = page.Json.GetProperty("listings").EnumerateArray().ToList();
            Assert.True(listings.Count <= 2);
            seen.AddRange(listings.Select(l => l.GetProperty("sku").GetString()!));
            token = page.Json.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(["P-02", "P-04", "P-06", "P-08", "P-10"], seen.Order());
        var fba = await Api.ListingsAsync("shop", "fba=true&pageSize=50");
        Assert.Equal(4, fba.Json.GetProperty("listings").GetArrayLength());
    }
}
