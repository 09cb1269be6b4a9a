using System.Text.Json;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.Channels;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Mapping;
using InventoryMapping.Listings;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// Amazon keeps one merchant quantity per SKU per region: two channels of one seller in one region that both send a
/// SKU's quantity overwrite each other, and both summaries say so.
/// </summary>
public sealed class SkuConflictTests
{
    private const string Twin = "de-twin";
    private const string OtherRegion = "us-shop";
    private const string TwinMarketplace = "A1F83G8C2ARO7P";
    private static readonly string TwinToken = "Atzr|twin-" + Guid.NewGuid().ToString("N");

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["StockSync:PatchThreshold"] = "0",
        [$"ChannelCredentials:Channels:{Twin}:ClientId"] = new SandboxOptions().ClientId,
        [$"ChannelCredentials:Channels:{Twin}:ClientSecret"] = new SandboxOptions().ClientSecret,
        [$"ChannelCredentials:Channels:{Twin}:RefreshToken"] = TwinToken,
        [$"ChannelCredentials:Channels:{OtherRegion}:ClientId"] = new SandboxOptions().ClientId,
        [$"ChannelCredentials:Channels:{OtherRegion}:ClientSecret"] = new SandboxOptions().ClientSecret,
        [$"ChannelCredentials:Channels:{OtherRegion}:RefreshToken"] = TwinToken,
    };

    [Fact]
    public async Task Two_channels_of_one_seller_in_one_region_listing_one_SKU_both_show_the_conflict()
    {
        await using var world = await StartAsync();
        var shared = await world.LinkedListingAsync("SHARED-1", stock: 5);
        await world.LinkAsync(Twin, "SHARED-1", shared);
        await world.LinkedListingAsync("OWN-1", stock: 2);
        await world.LinkedListingAsync("TWIN-ONLY-1", stock: 2, channelId: Twin);

        await world.SyncUntilSettledAsync();

        Assert.Equal([(Twin, "SHARED-1")], await ConflictsAsync(world, AmazonWorld.ChannelId));
        Assert.Equal([(AmazonWorld.ChannelId, "SHARED-1")], await ConflictsAsync(world, Twin));
    }

    [Fact]
    public async Task Channels_of_different_regions_listing_one_SKU_do_not_conflict()
    {
        await using var world = await StartAsync();
        var shared = await SharedAndSyncedAsync(world, OtherRegion);

        Assert.Equal([5], world.ReceivedFor("SHARED-1").Distinct());
        Assert.Empty(await ConflictsAsync(world, AmazonWorld.ChannelId));
        Assert.Empty(await ConflictsAsync(world, OtherRegion));
    }

    [Fact]
    public async Task A_conflict_is_gone_once_one_of_the_listings_is_retired_and_back_when_it_is_listed_again()
    {
        await using var world = await StartAsync();
        var shared = await SharedAndSyncedAsync(world, Twin);
        Assert.Single(await ConflictsAsync(world, Twin));

        // The twin's next report (its marketplace's) lacks SHARED-1: retired there, so that channel sends it no quantity any more.
        world.Amazon.ReplaceCatalogue(AmazonWorld.SellerId, TwinMarketplace, SandboxCatalogue.Of([new SandboxListing("OTHER-1", "t", "B000000009", 1m, 1)]));
        await world.RequestTimerAsync();
        await world.CollectUntilAllSettledAsync([AmazonWorld.ChannelId, Twin, OtherRegion]);
        Assert.Equal("retired", (await world.Api.GetListingAsync(Twin, "SHARED-1")).Json.GetProperty("syncEligibility").GetString());
        await world.SyncUntilSettledAsync();

        Assert.Empty(await ConflictsAsync(world, AmazonWorld.ChannelId));
        Assert.Empty(await ConflictsAsync(world, Twin));

        await world.LinkAsync(Twin, "SHARED-1", shared);
        await world.SyncUntilSettledAsync();
        Assert.Equal([(Twin, "SHARED-1")], await ConflictsAsync(world, AmazonWorld.ChannelId));
    }

    [Fact]
    public async Task Unlinking_one_of_the_listings_ends_the_conflict()
    {
        await using var world = await StartAsync();
        var shared = await SharedAndSyncedAsync(world, Twin);

        var unlinked = await world.App.Get<LinkService>().UnlinkAsync(Twin, ListingIds.FromSku("SHARED-1"), null, world.Timeout);
        Assert.True(unlinked.IsSuccess, unlinked.Error?.Detail);
        await world.SyncUntilSettledAsync();

        Assert.Empty(await ConflictsAsync(world, AmazonWorld.ChannelId));
        Assert.Empty(await ConflictsAsync(world, Twin));
    }

    [Fact]
    public async Task Deleting_a_channel_removes_its_claims_conflicts_index_rows_and_marks()
    {
        await using var world = await StartAsync();
        var shared = await SharedAndSyncedAsync(world, Twin);
        Assert.Single(await ConflictsAsync(world, AmazonWorld.ChannelId));
        await world.SetStockAsync(shared, 7);

        var deleted = await world.Api.CallAsync<InventoryMapping.Functions.Channels.ChannelFunctions>((f, r) => f.Delete(r, Twin, default), "DELETE");
        Assert.Equal(202, deleted.Status);
        await world.Api.DrainJobQueueAsync(TimeSpan.FromMinutes(2));

        var storage = world.App.Get<InventoryMapping.Storage.AppStorage>();
        var claimRows = new List<string>();
        await foreach (var row in storage.SkuClaims.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            claimRows.Add($"{row.PartitionKey}/{row.RowKey}");
        }

        Assert.DoesNotContain(claimRows, r => r.Contains(Twin, StringComparison.Ordinal));
        Assert.Contains(claimRows, r => r.Contains(AmazonWorld.ChannelId, StringComparison.Ordinal));
        Assert.Empty(await ConflictsAsync(world, AmazonWorld.ChannelId));
        var indexed = await world.App.Get<InventoryMapping.StockMarks.ItemListingIndex>().ListingsOfAsync(shared, world.Timeout);
        Assert.Equal([AmazonWorld.ChannelId], indexed.Select(l => l.ChannelId).Distinct());
        Assert.False(await world.App.Get<InventoryMapping.StockMarks.PendingStockMarks>().AnyAsync(Twin, world.Timeout));
    }

    /// <summary>The world's channel, its twin (same seller, same region, another marketplace, its own credentials) and a channel of the same seller in North America.</summary>
    private static async Task<AmazonWorld> StartAsync()
    {
        var world = await AmazonWorld.StartAsync([new SandboxListing("SHARED-1", "t", "B000000001", 1m, 1), new SandboxListing("OWN-1", "t", "B000000002", 1m, 1)], settings: Settings);
        world.Amazon.AddSeller(AmazonWorld.SellerId, TwinToken);
        foreach (var (id, region, marketplace) in new[] { (Twin, "EU", TwinMarketplace), (OtherRegion, "NA", "ATVPDKIKX0DER") })
        {
            var put = await world.App.Get<ChannelService>().PutAsync(
                id, new ChannelDefinition(AmazonWorld.SellerId, id, region, [marketplace], null, false, null), null, world.Timeout);
            Assert.True(put.IsSuccess, put.Error?.Detail);
        }

        return world;
    }

    /// <summary>SHARED-1 linked to one item in the world's channel and in <paramref name="other"/>, synced; answers the item.</summary>
    private static async Task<string> SharedAndSyncedAsync(AmazonWorld world, string other)
    {
        var shared = await world.LinkedListingAsync("SHARED-1", stock: 5);
        await world.LinkAsync(other, "SHARED-1", shared);
        await world.SyncUntilSettledAsync();
        return shared;
    }

    /// <summary>The summary's <c>stockSync.conflicts</c> of the channel, over HTTP.</summary>
    private static async Task<IReadOnlyList<(string ChannelId, string Sku)>> ConflictsAsync(AmazonWorld world, string channelId)
    {
        var summary = await world.Api.SummaryAsync(channelId);
        Assert.Equal(200, summary.Status);
        return [.. summary.Json.GetProperty("stockSync").GetProperty("conflicts").EnumerateArray()
            .Select(c => (c.GetProperty("channelId").GetString()!, c.GetProperty("sku").GetString()!))];
    }
}
