using System.Text.Json;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.Functions.Listings;
using InventoryMapping.Functions.StockSync;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using InventoryMapping.StockSync;
using InventoryMapping.Storage;

namespace InventoryMapping.Functions.Tests;

/// <summary>Stock levels to Amazon end to end: Azurite, the sandbox over HTTP with Amazon's limits, the production client, the SyncStock timer.</summary>
public sealed class StockSyncTests
{
    /// <summary>Every submission goes as feeds (no patch path), unless a test says otherwise.</summary>
    private static readonly Dictionary<string, string?> FeedsOnly = new() { ["StockSync:PatchThreshold"] = "0" };

    private static SandboxListing OnAmazon(string sku) => new(sku, "Listing " + sku, "B0" + sku.Length.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), 9.99m, 1);

    private static IEnumerable<SandboxListing> Catalogue(params string[] skus) => skus.Select(OnAmazon);

    [Fact]
    public async Task Only_eligible_listings_get_their_quantity_and_only_when_it_changed()
    {
        // RETIRED-1 is ours but not in Amazon's report: the report retires it. INACTIVE-1 is Amazon-Inactive (out of stock): it gets its quantity.
        await using var world = await AmazonWorld.StartAsync(
            [.. Catalogue("SELL-1", "IGNORED-1", "UNLINKED-1"), OnAmazon("INACTIVE-1") with { Status = "Inactive" }, OnAmazon("FBA-1") with { FulfillmentChannel = "AMAZON_EU", Quantity = null }],
            settings: FeedsOnly);
        var item = await world.LinkedListingAsync("SELL-1", stock: 5);
        await world.LinkedListingAsync("INACTIVE-1", stock: 4, status: ListingStatus.Inactive);
        await world.LinkedListingAsync("FBA-1", stock: 5, fba: true);
        await world.LinkedListingAsync("IGNORED-1", stock: 5);
        await world.App.Get<LinkService>().PatchAsync(AmazonWorld.ChannelId, "IGNORED-1", ignoreSync: true, stockRules: null, ifMatch: null, world.Timeout);
        await world.App.Get<ListingService>().PutAsync(AmazonWorld.ChannelId, new ListingInput("UNLINKED-1", "Listing", Quantity: 1), world.Timeout);
        await world.LinkedListingAsync("RETIRED-1", stock: 5);
        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();
        Assert.Equal("retired", (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "RETIRED-1")).Json.GetProperty("syncEligibility").GetString());

        await world.SyncUntilSettledAsync();

        Assert.Equal([5], world.ReceivedFor("SELL-1"));
        Assert.Equal([4], world.ReceivedFor("INACTIVE-1"));
        Assert.Equal(["INACTIVE-1", "SELL-1"], world.Amazon.Received(AmazonWorld.SellerId).Select(r => r.Sku).Distinct().Order());

        // Nothing changed: nothing is sent again. Then a change sends that listing alone.
        await world.SetStockAsync(await world.ItemAsync("UNLINKED-ITEM", 1), 2);
        await world.SyncUntilSettledAsync();
        Assert.Equal([5], world.ReceivedFor("SELL-1"));
        await world.SetStockAsync(item, 8);
        await world.SyncUntilSettledAsync();
        Assert.Equal([5, 8], world.ReceivedFor("SELL-1"));
        Assert.Equal([4], world.ReceivedFor("INACTIVE-1"));
    }

    [Fact]
    public async Task The_listing_shows_its_sync_status_once_the_processing_report_says_the_message_succeeded()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1"), settings: FeedsOnly);
        await world.LinkedListingAsync("SELL-1", stock: 4);
        world.App.Clock.Advance(TimeSpan.FromMinutes(1));

        await world.SyncTimerAsync();
        var submitted = await world.App.Get<StockSyncService>().StateAsync(AmazonWorld.ChannelId, world.Timeout);
        var listing = await SyncStatusAsync(world, "SELL-1");

        // The feed is with Amazon (createFeed answered 202): not applied yet, so not shown as synced.
        Assert.Equal(StockSubmissionStatus.Processing, submitted.Latest!.Status);
        Assert.Equal(JsonValueKind.Undefined, listing.TryGetProperty("lastUpdate", out var none) ? none.ValueKind : JsonValueKind.Undefined);
        await world.SyncUntilSettledAsync();
        listing = await SyncStatusAsync(world, "SELL-1");
        Assert.Equal(4, listing.GetProperty("quantity").GetInt32());
        Assert.True(listing.TryGetProperty("lastUpdate", out _));
        Assert.True(listing.TryGetProperty("updateDate", out _));
        Assert.False(listing.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Per_message_errors_land_on_the_right_listing()
    {
        // NOT-ON-AMAZON is in our listings but not in the sandbox's catalogue: its message gets an ERROR issue.
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1", "SELL-2"), settings: FeedsOnly);
        await world.LinkedListingAsync("SELL-1", stock: 3);
        await world.LinkedListingAsync("NOT-ON-AMAZON", stock: 3);
        await world.LinkedListingAsync("SELL-2", stock: 6);

        await world.SyncUntilSettledAsync();

        Assert.Equal([3], world.ReceivedFor("SELL-1"));
        Assert.Equal([6], world.ReceivedFor("SELL-2"));
        Assert.Empty(world.ReceivedFor("NOT-ON-AMAZON"));
        var failed = await SyncStatusAsync(world, "NOT-ON-AMAZON");
        Assert.StartsWith("8541: ", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(failed.TryGetProperty("lastUpdate", out _));
        Assert.False((await SyncStatusAsync(world, "SELL-2")).TryGetProperty("error", out _));
        var state = await world.App.Get<StockSyncService>().StateAsync(AmazonWorld.ChannelId, world.Timeout);
        Assert.Equal((2, 1), (state.Latest!.Succeeded, state.Latest.Failed));
    }

    [Fact]
    public async Task Small_deltas_go_through_patchListingsItem_and_an_invalid_patch_shows_on_its_listing()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1"));
        await world.LinkedListingAsync("SELL-1", stock: 2);
        await world.LinkedListingAsync("NOT-ON-AMAZON", stock: 2);

        await world.SyncUntilSettledAsync();

        Assert.Equal([2], world.ReceivedFor("SELL-1"));
        Assert.Equal("patch", world.Amazon.Received(AmazonWorld.SellerId).Single().Via);
        Assert.Equal(0, world.Amazon.RequestCount("createFeed"));
        Assert.StartsWith("8541: ", (await SyncStatusAsync(world, "NOT-ON-AMAZON")).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stock_change_reaches_every_listing_linked_to_the_item_in_every_channel_and_nothing_else()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SHARED-1", "OWN-1"), otherChannels: 1, settings: FeedsOnly);
        var shared = await world.LinkedListingAsync("SHARED-1", stock: 5);
        await world.LinkAsync(AmazonWorld.OtherChannel(1), "SHARED-1", shared);
        await world.LinkedListingAsync("OWN-1", stock: 7, channelId: AmazonWorld.OtherChannel(1));
        await world.SyncUntilSettledAsync();

        await world.SetStockAsync(shared, 9);
        await world.SyncUntilSettledAsync();

        Assert.Equal([5, 9], world.ReceivedFor("SHARED-1"));
        Assert.Equal([5, 9], world.ReceivedFor("SHARED-1", AmazonWorld.OtherSeller(1)));
        Assert.Equal([7], world.ReceivedFor("OWN-1", AmazonWorld.OtherSeller(1)));
    }

    [Fact]
    public async Task Listings_marked_densely_in_one_partition_are_read_by_key_range_and_each_gets_its_quantity()
    {
        // 24 SKUs of one listing partition, all marked by their links: the plan and the apply read that partition as one range.
        var skus = Enumerable.Range(0, 2_000).Select(i => $"RANGE-{i:D4}").Where(sku => InventoryMapping.Storage.ListingPartition.OfSku(sku) == 7).Take(24).ToArray();
        await using var world = await AmazonWorld.StartAsync(Catalogue(skus), settings: FeedsOnly);
        for (var i = 0; i < skus.Length; i++)
        {
            await world.LinkedListingAsync(skus[i], stock: i + 1);
        }

        await world.SyncUntilSettledAsync();

        for (var i = 0; i < skus.Length; i++)
        {
            Assert.Equal([i + 1], world.ReceivedFor(skus[i]));
            Assert.Equal(i + 1, (await SyncStatusAsync(world, skus[i])).GetProperty("quantity").GetInt32());
        }
    }

    [Fact]
    public async Task A_429_storm_delays_the_sync_but_loses_nothing()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1", "SELL-2"), settings: FeedsOnly);
        await world.LinkedListingAsync("SELL-1", stock: 1);
        await world.LinkedListingAsync("SELL-2", stock: 2);
        foreach (var operation in new[] { "createFeedDocument", "uploadFeedDocument", "createFeed", "getFeed", "getFeedDocument" })
        {
            world.Amazon.AddFault(new SandboxFault(operation, SandboxFaultKind.Throttle, Times: 12));
        }

        await world.SyncUntilSettledAsync();

        Assert.Equal([1], world.ReceivedFor("SELL-1"));
        Assert.Equal([2], world.ReceivedFor("SELL-2"));
        Assert.Equal(1, world.Amazon.FeedCount);
    }

    [Fact]
    public async Task A_feed_Amazon_aborts_is_sent_again_after_a_back_off_that_grows_and_the_sync_state_shows_it()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1"), settings: FeedsOnly);
        await world.LinkedListingAsync("SELL-1", stock: 3);
        world.Amazon.FeedOutcome = SandboxReportOutcome.Fatal;
        world.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.SyncTimerAsync();

        // The run that finds the feed FATAL puts the error on the listing and backs off: the lifecycle's first delay (1 min).
        world.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await world.SyncTimerAsync();
        var first = await LatestAsync(world);
        Assert.Contains("FATAL", (await SyncStatusAsync(world, "SELL-1")).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(("processing", 1, 1), (first.GetProperty("status").GetString(), first.GetProperty("feedRetries").GetInt32(), world.Amazon.FeedCount));
        Assert.Equal(TimeSpan.FromMinutes(1), first.GetProperty("nextAttemptAt").GetDateTimeOffset() - world.App.Clock.GetUtcNow());

        // Nothing is sent before then; after it, the feed again, and Amazon aborting it again doubles the wait.
        await world.SyncTimerAsync();
        Assert.Equal(1, world.Amazon.FeedCount);
        world.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.SyncTimerAsync();
        Assert.Equal(2, world.Amazon.FeedCount);
        world.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await world.SyncTimerAsync();
        var second = await LatestAsync(world);
        Assert.Equal((2, 2), (second.GetProperty("feedRetries").GetInt32(), world.Amazon.FeedCount));
        Assert.Equal(TimeSpan.FromMinutes(2), second.GetProperty("nextAttemptAt").GetDateTimeOffset() - world.App.Clock.GetUtcNow());

        world.Amazon.FeedOutcome = SandboxReportOutcome.Done;
        await world.SyncUntilSettledAsync();

        Assert.Equal([3], world.ReceivedFor("SELL-1"));
        Assert.Equal(3, world.Amazon.FeedCount);
        Assert.False((await SyncStatusAsync(world, "SELL-1")).TryGetProperty("error", out _));
        var done = await LatestAsync(world);
        Assert.Equal(("done", 1, 0), (done.GetProperty("status").GetString(), done.GetProperty("succeeded").GetInt32(), done.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task The_safety_rail_holds_a_run_that_would_zero_most_quantities_until_confirmed()
    {
        var skus = Enumerable.Range(1, 12).Select(i => $"SKU-{i:D2}").ToArray();
        await using var world = await AmazonWorld.StartAsync(Catalogue(skus), settings: FeedsOnly);
        await SyncedThenZeroedAsync(world, skus);
        var held = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("stockSync").GetProperty("held");

        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.Equal(12, held.GetProperty("toZero").GetInt32());
        world.App.Clock.Advance(TimeSpan.FromMinutes(10));
        await world.SyncTimerAsync();
        Assert.All(skus, sku => Assert.Equal([5], world.ReceivedFor(sku)));
        var confirmed = await world.Api.CallAsync<StockSyncFunctions>((f, r) => f.Confirm(r, AmazonWorld.ChannelId, default), "POST");
        Assert.Equal(200, confirmed.Status);
        await world.SyncUntilSettledAsync();
        Assert.All(skus, sku => Assert.Equal([5, 0], world.ReceivedFor(sku)));
    }

    [Fact]
    public async Task A_discarded_hold_sends_nothing_and_leaves_nothing_pending()
    {
        var skus = Enumerable.Range(1, 12).Select(i => $"SKU-{i:D2}").ToArray();
        await using var world = await AmazonWorld.StartAsync(Catalogue(skus), settings: FeedsOnly);
        await SyncedThenZeroedAsync(world, skus);
        var discarded = await world.Api.CallAsync<StockSyncFunctions>((f, r) => f.Discard(r, AmazonWorld.ChannelId, default), "POST");
        var again = await world.Api.CallAsync<StockSyncFunctions>((f, r) => f.Discard(r, AmazonWorld.ChannelId, default), "POST");
        await world.SyncUntilSettledAsync();

        Assert.Equal(200, discarded.Status);
        Assert.Equal(409, again.Status);
        Assert.All(skus, sku => Assert.Equal([5], world.ReceivedFor(sku)));
        Assert.False(await world.AnyPendingAsync());
        Assert.Equal("discarded", (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("stockSync").GetProperty("latest").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_SKU_first_claimed_by_a_discarded_hold_is_flagged_claimed_so_unlinking_it_releases_the_claim()
    {
        var skus = Enumerable.Range(1, 12).Select(i => $"SKU-{i:D2}").ToArray();
        await using var world = await AmazonWorld.StartAsync(Catalogue([.. skus, "NEW-1"]), settings: FeedsOnly);

        // NEW-1's first plan is the held one: it claims its SKU there, and is never sent.
        await SyncedThenZeroedAsync(world, skus, meanwhile: () => world.LinkedListingAsync("NEW-1", stock: 3));
        Assert.Equal("held", (await LatestAsync(world)).GetProperty("status").GetString());
        Assert.Equal(200, (await world.Api.CallAsync<StockSyncFunctions>((f, r) => f.Discard(r, AmazonWorld.ChannelId, default), "POST")).Status);
        await world.SyncUntilSettledAsync();
        var listingId = InventoryMapping.Listings.ListingIds.FromSku("NEW-1");
        Assert.Empty(world.ReceivedFor("NEW-1"));
        Assert.Single(await ClaimRowsAsync(world, listingId));
        var row = await world.App.Get<InventoryMapping.Storage.AppStorage>().Listings.GetEntityAsync<Azure.Data.Tables.TableEntity>(
            InventoryMapping.Storage.ListingPartition.PartitionKeyOf(AmazonWorld.ChannelId, listingId), listingId);
        Assert.True(row.Value.GetBoolean("SkuClaimed"));

        var unlinked = await world.App.Get<InventoryMapping.Mapping.LinkService>().UnlinkAsync(AmazonWorld.ChannelId, listingId, null, world.Timeout);
        Assert.True(unlinked.IsSuccess, unlinked.Error?.Detail);
        await world.SyncUntilSettledAsync();

        Assert.Empty(await ClaimRowsAsync(world, listingId));
    }

    /// <summary>The SkuClaims table's claim rows of a listing (a test-sized table, read whole).</summary>
    private static async Task<List<Azure.Data.Tables.TableEntity>> ClaimRowsAsync(AmazonWorld world, string listingId)
    {
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in world.App.Get<InventoryMapping.Storage.AppStorage>().SkuClaims.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            if (row.PartitionKey.StartsWith("c~", StringComparison.Ordinal) && row.RowKey.StartsWith(listingId + "|", StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    [Fact]
    public async Task The_listing_shows_its_quantity_to_list_with_the_figures_it_came_from()
    {
        await using var world = await AmazonWorld.StartAsync(Catalogue("SELL-1"));
        await world.LinkedListingAsync("SELL-1", stock: 9);
        var patched = await world.Api.CallAsync<ListingFunctions>(
            (f, r) => f.Patch(r, AmazonWorld.ChannelId, "SELL-1", default), "PATCH", new { stockRules = new { stockPercentage = 50, maxListedQuantity = 3 } });
        Assert.Equal(200, patched.Status);

        var listing = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "SELL-1")).Json;

        var quantity = listing.GetProperty("quantityToList");
        Assert.Equal(3, quantity.GetProperty("quantity").GetInt32());
        Assert.Equal(9, quantity.GetProperty("available").GetInt64());
        Assert.Equal(50, quantity.GetProperty("stockPercentage").GetInt32());
        Assert.Equal(3, quantity.GetProperty("maxListedQuantity").GetInt32());
        Assert.Equal(9, quantity.GetProperty("stockLevels").GetProperty("default").GetInt32());
        Assert.Equal("eligible", listing.GetProperty("syncEligibility").GetString());
    }

    /// <summary>Every SKU linked with stock 5 and synced, then every item's stock set to 0 and the next run made: the safety rail's case.</summary>
    /// <param name="meanwhile">Done after the zeroing, before the sync that holds it.</param>
    private static async Task SyncedThenZeroedAsync(AmazonWorld world, IEnumerable<string> skus, Func<Task>? meanwhile = null)
    {
        var items = new List<string>();
        foreach (var sku in skus)
        {
            items.Add(await world.LinkedListingAsync(sku, stock: 5));
        }

        await world.SyncUntilSettledAsync();
        foreach (var item in items)
        {
            await world.SetStockAsync(item, 0);
        }

        if (meanwhile is not null)
        {
            await meanwhile();
        }

        world.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.SyncTimerAsync();
    }

    /// <summary>The summary's <c>stockSync.latest</c>, over HTTP.</summary>
    private static async Task<JsonElement> LatestAsync(AmazonWorld world) =>
        (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("stockSync").GetProperty("latest");

    private static async Task<JsonElement> SyncStatusAsync(AmazonWorld world, string sku) =>
        (await world.Api.GetListingAsync(AmazonWorld.ChannelId, ListingIds.FromSku(sku))).Json.GetProperty("syncStatus");
}
