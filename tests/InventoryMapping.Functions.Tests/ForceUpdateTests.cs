using InventoryMapping.AmazonSandbox;
using InventoryMapping.Channels;
using InventoryMapping.Functions.StockSync;
using InventoryMapping.Functions.Tests.Support;

namespace InventoryMapping.Functions.Tests;

/// <summary>Force Update: a job that resubmits every eligible linked listing; its cooldown; its dry run; and the resync after a rule change.</summary>
public sealed class ForceUpdateTests
{
    private static readonly Dictionary<string, string?> FeedsOnly = new() { ["StockSync:PatchThreshold"] = "0" };

    private static IEnumerable<SandboxListing> Catalogue(params string[] skus) => skus.Select(sku => new SandboxListing(sku, "Listing " + sku, "B000000001", 1m, 1));

    [Fact]
    public async Task Force_Update_resubmits_unchanged_quantities_of_eligible_listings_only()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1", "SELL-2", "FBA-1"), settings: FeedsOnly);
        await world.LinkedListingAsync("SELL-1", stock: 3);
        await world.LinkedListingAsync("SELL-2", stock: 4);
        await world.LinkedListingAsync("FBA-1", stock: 4, fba: true);
        await world.SyncUntilSettledAsync();
        await world.Api.DrainJobQueueAsync(TimeSpan.FromMinutes(1));
        await world.SyncUntilSettledAsync();

        var started = await ForceUpdateAsync(world);
        await world.Api.DrainJobQueueAsync(TimeSpan.FromMinutes(1));
        await world.SyncUntilSettledAsync();

        Assert.Equal(202, started.Status);
        Assert.Equal([3, 3], world.ReceivedFor("SELL-1"));
        Assert.Equal([4, 4], world.ReceivedFor("SELL-2"));
        Assert.Empty(world.ReceivedFor("FBA-1"));
        var job = (await world.Api.GetJobAsync(started.Json.GetProperty("jobId").GetString()!)).Json;
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("result").GetProperty("marked").GetInt64());
        Assert.Equal(1, job.GetProperty("result").GetProperty("skipped").GetInt64());
    }

    [Fact]
    public async Task A_second_Force_Update_within_the_cooldown_is_refused_with_Retry_After()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1"));

        var first = await ForceUpdateAsync(world);
        var second = await ForceUpdateAsync(world);
        world.App.Clock.Advance(TimeSpan.FromMinutes(61));
        var later = await ForceUpdateAsync(world);

        Assert.Equal(202, first.Status);
        Assert.Equal(429, second.Status);
        Assert.Equal("application/problem+json", second.ContentType);
        Assert.InRange(int.Parse(second.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture), 3500, 3600);
        Assert.Equal(202, later.Status);
    }

    [Fact]
    public async Task A_dry_run_reports_the_quantities_it_would_send_and_sends_nothing()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1", "IGNORED-1"));
        await world.LinkedListingAsync("SELL-1", stock: 6);
        await world.LinkedListingAsync("IGNORED-1", stock: 6);
        await world.App.Get<InventoryMapping.Mapping.LinkService>().PatchAsync(AmazonWorld.ChannelId, "IGNORED-1", true, null, null, world.Timeout);
        // Marks the links made are consumed first, so that only the dry run could send anything after.
        await world.SyncUntilSettledAsync();
        var sent = world.Amazon.Received(AmazonWorld.SellerId).Count;

        var started = await ForceUpdateAsync(world, "dryRun=true");
        await world.Api.DrainJobQueueAsync(TimeSpan.FromMinutes(1));
        var again = await ForceUpdateAsync(world);
        await world.SyncUntilSettledAsync();

        var reported = await AllReportedAsync(world, started.Json.GetProperty("jobId").GetString()!);
        var wouldSend = Assert.Single(reported, r => r.GetProperty("reason").GetString() == "wouldSend");
        Assert.Equal("SELL-1", wouldSend.GetProperty("sku").GetString());
        Assert.Equal(6, wouldSend.GetProperty("quantity").GetInt32());
        Assert.Equal("ignoreSync", Assert.Single(reported, r => r.GetProperty("sku").GetString() == "IGNORED-1").GetProperty("reason").GetString());
        Assert.Equal(202, again.Status);
        Assert.Equal(sent, world.Amazon.Received(AmazonWorld.SellerId).Count);
    }

    [Fact]
    public async Task A_change_of_the_channel_s_rules_sends_the_quantities_it_changes()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1", "SELL-2"), settings: FeedsOnly);
        await world.LinkedListingAsync("SELL-1", stock: 10);
        await world.LinkedListingAsync("SELL-2", stock: 1);
        await world.SyncUntilSettledAsync();
        await world.Api.DrainJobQueueAsync(TimeSpan.FromMinutes(1));
        await world.SyncUntilSettledAsync();

        var channel = await world.App.Get<ChannelService>().PutAsync(
            AmazonWorld.ChannelId,
            new ChannelDefinition(AmazonWorld.SellerId, "DE shop", "EU", [AmazonWorld.Marketplace], null, false, null, StockRules: new StockRules(StockPercentage: 50)),
            null,
            world.Timeout);
        Assert.True(channel.IsSuccess, channel.Error?.Detail);
        await world.SyncUntilSettledAsync();
        await world.Api.DrainJobQueueAsync(TimeSpan.FromMinutes(1));
        await world.SyncUntilSettledAsync();

        Assert.Equal([10, 5], world.ReceivedFor("SELL-1"));
        // 50% of 1 is 0: the quantity changed, so it is sent too.
        Assert.Equal([1, 0], world.ReceivedFor("SELL-2"));
    }

    private static async Task<List<System.Text.Json.JsonElement>> AllReportedAsync(AmazonWorld world, string jobId)
    {
        var rows = new List<System.Text.Json.JsonElement>();
        string? token = null;
        do
        {
            var page = (await world.Api.GetJobReportedAsync(jobId, token)).Json;
            rows.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return rows;
    }

    private static Task<ApiResponse> ForceUpdateAsync(AmazonWorld world, string? query = null) =>
        world.Api.CallAsync<StockSyncFunctions>((f, r) => f.ForceUpdate(r, AmazonWorld.ChannelId, default), "POST", query: query);
}
