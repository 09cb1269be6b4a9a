using InventoryMapping.Functions.StockSync;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using InventoryMapping.StockMarks;
using InventoryMapping.StockSync;
using InventoryMapping.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Functions.Tests.Support;

/// <summary>Stock sync steps on an <see cref="AmazonWorld"/>: listings, items and links as a seller makes them, and the SyncStock timer run until Amazon has answered.</summary>
public static class StockWorld
{
    /// <summary>A listing of the channel (as a report would write it), an item with <paramref name="stock"/> at the default location, and the link.</summary>
    public static async Task<string> LinkedListingAsync(this AmazonWorld world, string sku, int stock, string channelId = AmazonWorld.ChannelId, bool fba = false, ListingStatus status = ListingStatus.Active)
    {
        var itemId = await world.ItemAsync(sku, stock);
        await world.LinkAsync(channelId, sku, itemId, fba, status);
        return itemId;
    }

    public static async Task<string> ItemAsync(this AmazonWorld world, string sku, int stock)
    {
        var item = await world.App.Get<InventoryService>().CreateAsync(
            new ItemDefinition(sku, "Item " + sku, StockLevels: new Dictionary<string, int> { ["default"] = stock }), world.Timeout);
        Assert.True(item.IsSuccess, item.Error?.Detail);
        return item.Value.ItemId;
    }

    public static async Task LinkAsync(this AmazonWorld world, string channelId, string sku, string itemId, bool fba = false, ListingStatus status = ListingStatus.Active)
    {
        var put = await world.App.Get<ListingService>().PutAsync(channelId, new ListingInput(sku, "Listing " + sku, Quantity: 1, IsFba: fba, Status: status), world.Timeout);
        Assert.True(put.IsSuccess, put.Error?.Detail);
        var link = await world.App.Get<LinkService>().LinkAsync(channelId, ListingIds.FromSku(sku), new LinkTarget(itemId, null), null, world.Timeout);
        Assert.True(link.IsSuccess, link.Error?.Detail);
    }

    public static async Task SetStockAsync(this AmazonWorld world, string itemId, int level)
    {
        var set = await world.App.Get<InventoryService>().SetStockAsync(itemId, "default", level, null, world.Timeout);
        Assert.True(set.IsSuccess, set.Error?.Detail);
    }

    public static Task SyncTimerAsync(this AmazonWorld world, TestServices? app = null) =>
        ActivatorUtilities.CreateInstance<StockSyncFunctions>((app ?? world.App).Services).Sync(new TimerInfo(), world.Timeout);

    /// <summary>Runs the SyncStock timer once a minute of Amazon time until no channel has a submission in flight or a listing marked (with a cap).</summary>
    public static async Task SyncUntilSettledAsync(this AmazonWorld world, int maxRuns = 120)
    {
        var channels = (await world.App.Get<InventoryMapping.Channels.ChannelStore>().ListAsync(world.Timeout)).Select(c => c.ChannelId).ToList();
        for (var run = 0; run < maxRuns; run++)
        {
            world.App.Clock.Advance(TimeSpan.FromMinutes(1));
            try
            {
                await world.SyncTimerAsync();
            }
            catch (AggregateException)
            {
                // A channel's failure is reported by the run; the test looks at the outcome.
            }

            var busy = false;
            foreach (var channelId in channels)
            {
                var state = await world.App.Get<StockSyncService>().StateAsync(channelId, world.Timeout);
                busy |= state.Pending > 0 || state.Latest?.Status is StockSubmissionStatus.Planning or StockSubmissionStatus.Submitting or StockSubmissionStatus.Processing;
            }

            if (!busy)
            {
                return;
            }
        }

        var last = await world.App.Get<StockSyncService>().StateAsync(channels[0], world.Timeout);
        throw new TimeoutException($"The stock sync did not settle within {maxRuns} runs: {last}");
    }

    /// <summary>What "Amazon" received for <paramref name="sku"/>, in order.</summary>
    public static IReadOnlyList<int> ReceivedFor(this AmazonWorld world, string sku, string sellerId = AmazonWorld.SellerId) =>
        [.. world.Amazon.Received(sellerId).Where(r => r.Sku == sku).Select(r => r.Quantity)];

    public static Task<bool> AnyPendingAsync(this AmazonWorld world, string channelId = AmazonWorld.ChannelId) =>
        world.App.Get<PendingStockMarks>().AnyAsync(channelId, world.Timeout);
}
