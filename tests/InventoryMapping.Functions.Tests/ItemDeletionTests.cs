using InventoryMapping.Functions.Tests.Support;

namespace InventoryMapping.Functions.Tests;

public sealed class ItemDeletionTests : ApiTest
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Deleting_an_item_unlinks_its_listings_in_every_channel_and_frees_its_sku()
    {
        var itemId = await LinkedEverywhereAsync("Lamp-1", "shop", "outlet");
        await Api.PutListingAsync("shop", new { sku = "Other-2", title = "other" });
        var other = (await Api.CreateItemAsync(new { sku = "Other-2", title = "other" })).Json.GetProperty("itemId").GetString()!;
        await Api.LinkAsync("shop", "Other-2", new { itemId = other });

        var deleted = await Api.DeleteItemAsync(itemId);
        Assert.Equal(202, deleted.Status);
        var jobs = deleted.Json.GetProperty("unlinkJobs").EnumerateArray().ToList();
        Assert.Equal(["outlet", "shop"], jobs.Select(j => j.GetProperty("channelId").GetString()).Order());
        Assert.Equal(404, (await Api.GetItemAsync(itemId)).Status);
        Assert.Empty((await Api.SearchAsync("q=Lamp-1")).Json.GetProperty("items").EnumerateArray());

        await Api.DrainJobQueueAsync(s_timeout);

        foreach (var job in jobs)
        {
            var finished = (await Api.GetJobAsync(job.GetProperty("jobId").GetString()!)).Json;
            Assert.Equal("succeeded", finished.GetProperty("status").GetString());
            Assert.Equal(1, finished.GetProperty("result").GetProperty("unlinked").GetInt64());
        }

        Assert.False((await Api.GetListingAsync("shop", "Lamp-1")).Json.TryGetProperty("linkedItem", out _));
        Assert.False((await Api.GetListingAsync("outlet", "Lamp-1")).Json.TryGetProperty("linkedItem", out _));
        Assert.Equal(other, (await Api.GetListingAsync("shop", "Other-2")).Json.GetProperty("linkedItem").GetProperty("itemId").GetString());
        var counts = (await Api.SummaryAsync("shop")).Json.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("linked").GetInt64());
        Assert.Equal(1, counts.GetProperty("unlinked").GetInt64());
        Assert.Equal(201, (await Api.CreateItemAsync(new { sku = "LAMP-1", title = "new lamp" })).Status);
    }

    [Fact]
    public async Task A_deletion_cut_short_by_a_crash_finishes_when_the_delete_is_sent_again()
    {
        var itemId = await LinkedEverywhereAsync("Vase-9", "shop");
        var etag = (await Api.GetItemAsync(itemId)).Json.GetProperty("eTag").GetString();
        await using (var crashing = await CrashingRun.StartAsync(App, afterWrites: 1))
        {
            // Dies right after marking the item deleted.
            await Assert.ThrowsAnyAsync<Exception>(() => crashing.Get<InventoryMapping.Jobs.Kinds.ItemDeletion>().DeleteAsync(itemId, etag, default));
        }

        Assert.Equal(404, (await Api.GetItemAsync(itemId)).Status);
        var retried = await Api.DeleteItemAsync(itemId, etag);
        Assert.Equal(202, retried.Status);
        await Api.DrainJobQueueAsync(s_timeout);

        Assert.False((await Api.GetListingAsync("shop", "Vase-9")).Json.TryGetProperty("linkedItem", out _));
        Assert.Equal(404, (await Api.DeleteItemAsync(itemId)).Status);
    }

    [Fact]
    public async Task Deleting_an_item_changed_since_the_given_version_is_refused_and_changes_nothing()
    {
        var itemId = await LinkedEverywhereAsync("Rug-3", "shop");

        var stale = (await Api.GetItemAsync(itemId)).Json.GetProperty("eTag").GetString();
        await Api.CallAsync<InventoryMapping.Functions.Inventory.InventoryFunctions>((f, r) => f.PutStock(r, itemId, "default", default), "PUT", new { level = 5 });

        var refused = await Api.DeleteItemAsync(itemId, stale);

        Assert.Equal(412, refused.Status);
        Assert.Equal(200, (await Api.GetItemAsync(itemId)).Status);
        Assert.Single((await Api.SearchAsync("q=Rug-3")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(itemId, (await Api.GetListingAsync("shop", "Rug-3")).Json.GetProperty("linkedItem").GetProperty("itemId").GetString());
    }

    /// <summary>An item with <paramref name="sku"/>, linked to a listing of that SKU in each channel.</summary>
    private async Task<string> LinkedEverywhereAsync(string sku, params string[] channels)
    {
        var itemId = (await Api.CreateItemAsync(new { sku, title = sku })).Json.GetProperty("itemId").GetString()!;
        foreach (var channel in channels)
        {
            await Api.PutChannelAsync(channel);
            await Api.PutListingAsync(channel, new { sku, title = sku });
            Assert.Equal(200, (await Api.LinkAsync(channel, sku, new { itemId })).Status);
        }

        return itemId;
    }
}
