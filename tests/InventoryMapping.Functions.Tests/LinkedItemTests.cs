using InventoryMapping.Functions.Inventory;
using InventoryMapping.Functions.Tests.Support;

namespace InventoryMapping.Functions.Tests;

/// <summary>A listing shows its linked item as the item is now: its SKU and title are read with the listing, never copied.</summary>
public sealed class LinkedItemTests : ApiTest
{
    [Fact]
    public async Task Renaming_an_item_changes_the_sku_and_title_its_listings_show_on_get_and_on_pages()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutChannelAsync("other");
        var item = (await Api.CreateItemAsync(new { sku = "OLD-SKU", title = "Old title" })).Json.GetProperty("itemId").GetString()!;
        foreach (var (channel, sku) in new[] { ("shop", "L-1"), ("shop", "L-2"), ("other", "L-1") })
        {
            await Api.PutListingAsync(channel, new { sku, title = "listing " + sku });
            var linked = await Api.LinkAsync(channel, sku, new { itemId = item });
            Assert.Equal(("OLD-SKU", "Old title"), (linked.Json.GetProperty("linkedItem").GetProperty("sku").GetString(), linked.Json.GetProperty("linkedItem").GetProperty("title").GetString()));
        }

        var renamed = await Api.CallAsync<InventoryFunctions>((f, r) => f.Put(r, item, default), "PUT", new { sku = "NEW-SKU", title = "New title" });
        Assert.Equal(200, renamed.Status);

        foreach (var (channel, sku) in new[] { ("shop", "L-1"), ("shop", "L-2"), ("other", "L-1") })
        {
            var shown = (await Api.GetListingAsync(channel, sku)).Json.GetProperty("linkedItem");
            Assert.Equal((item, "NEW-SKU", "New title"), (shown.GetProperty("itemId").GetString(), shown.GetProperty("sku").GetString(), shown.GetProperty("title").GetString()));
        }

        var page = (await Api.ListingsAsync("shop", "link=linked&pageSize=1")).Json;
        var first = Assert.Single(page.GetProperty("listings").EnumerateArray()).GetProperty("linkedItem");
        Assert.Equal(("NEW-SKU", "New title"), (first.GetProperty("sku").GetString(), first.GetProperty("title").GetString()));
        var rest = (await Api.ListingsAsync("shop", "link=linked&pageSize=1&continuationToken=" + Uri.EscapeDataString(page.GetProperty("continuationToken").GetString()!))).Json;
        Assert.Equal("NEW-SKU", Assert.Single(rest.GetProperty("listings").EnumerateArray()).GetProperty("linkedItem").GetProperty("sku").GetString());
    }

    [Fact]
    public async Task A_page_shows_each_listing_with_its_own_item()
    {
        await Api.PutChannelAsync("shop");
        for (var i = 0; i < 6; i++)
        {
            await Api.PutListingAsync("shop", new { sku = $"P-{i}", title = "t" });
            if (i % 3 != 2)
            {
                await Api.CreateItemAsync(new { sku = $"P-{i}", title = $"Item {i}" });
                await Api.LinkAsync("shop", $"P-{i}", new { itemSku = $"P-{i}" });
            }
        }

        var listings = (await Api.ListingsAsync("shop", "pageSize=50")).Json.GetProperty("listings").EnumerateArray().ToList();

        Assert.Equal(6, listings.Count);
        foreach (var listing in listings)
        {
            var sku = listing.GetProperty("sku").GetString()!;
            Assert.Equal(sku.EndsWith('2') || sku.EndsWith('5'), !listing.TryGetProperty("linkedItem", out var linked));
            if (linked.ValueKind != System.Text.Json.JsonValueKind.Undefined)
            {
                Assert.Equal((sku, "Item " + sku[^1]), (linked.GetProperty("sku").GetString(), linked.GetProperty("title").GetString()));
            }
        }
    }

    [Fact]
    public async Task A_listing_whose_item_was_deleted_shows_no_stale_sku_until_its_unlink_job_runs()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "GONE-1", title = "t" });
        var item = (await Api.CreateItemAsync(new { sku = "GONE-1", title = "soon gone" })).Json.GetProperty("itemId").GetString()!;
        await Api.LinkAsync("shop", "GONE-1", new { itemId = item });

        Assert.Equal(202, (await Api.DeleteItemAsync(item)).Status);
        var meanwhile = (await Api.GetListingAsync("shop", "GONE-1")).Json.GetProperty("linkedItem");
        Assert.Equal(item, meanwhile.GetProperty("itemId").GetString());
        Assert.False(meanwhile.TryGetProperty("sku", out _));
        Assert.False(meanwhile.TryGetProperty("title", out _));

        await Api.DrainJobQueueAsync(TimeSpan.FromSeconds(60));
        Assert.False((await Api.GetListingAsync("shop", "GONE-1")).Json.TryGetProperty("linkedItem", out _));
    }
}
