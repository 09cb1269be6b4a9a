using InventoryMapping.AmazonSandbox;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Testing;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// The stock sync killed after each storage write in turn — while planning, after createFeedDocument, after the
/// upload, after createFeed (its answer lost), after getFeed DONE while applying — and then run on by a healthy copy:
/// every quantity reaches Amazon exactly once.
/// </summary>
public sealed class StockSyncCrashTests
{
    [Fact]
    public async Task A_crash_between_any_two_steps_neither_loses_nor_sends_a_quantity_twice()
    {
        await using var world = await AmazonWorld.StartAsync(
            [new SandboxListing("SELL-1", "One", "B000000001", 1m, 1), new SandboxListing("SELL-2", "Two", "B000000002", 1m, 1)],
            settings: new Dictionary<string, string?> { ["StockSync:PatchThreshold"] = "0" });
        var item = await world.LinkedListingAsync("SELL-1", stock: 1);
        await world.LinkedListingAsync("SELL-2", stock: 1);
        await world.SyncUntilSettledAsync();

        var crashPoints = 0;
        for (var writes = 0; writes < 100; writes++)
        {
            var quantity = 100 + writes;
            await world.SetStockAsync(item, quantity);
            world.App.Clock.Advance(TimeSpan.FromMinutes(1));

            // The run that plans and submits dies after `writes` writes; so does the run that polls and applies.
            var crashed = await CrashingSyncAsync(world, writes);
            world.App.Clock.Advance(TimeSpan.FromMinutes(3));
            crashed |= await CrashingSyncAsync(world, writes);
            await world.SyncUntilSettledAsync();

            var received = world.ReceivedFor("SELL-1");
            Assert.True(received[^1] == quantity, $"crash after {writes} writes: Amazon has {received[^1]}, not {quantity}");
            Assert.True(received.Count(q => q == quantity) == 1, $"crash after {writes} writes: {quantity} was sent {received.Count(q => q == quantity)} times");
            Assert.False(await world.AnyPendingAsync());
            if (!crashed)
            {
                break;
            }

            crashPoints++;
        }

        // Each of those writes was a point the process died at; the last round ran through without dying. One feed per
        // round and the first: none twice, even where createFeed's answer was lost (found again with getFeeds).
        Assert.True(crashPoints >= 8, $"only {crashPoints} crash points");
        Assert.Equal(crashPoints + 2, world.Amazon.FeedCount);
        Assert.True(world.Amazon.RequestCount("getFeeds") > 0);
        Assert.Equal([1], world.ReceivedFor("SELL-2"));
    }

    private static async Task<bool> CrashingSyncAsync(AmazonWorld world, int writes)
    {
        await using var crashing = await CrashingRun.StartAsync(world.App, writes, new SkippingClock(world.App.Clock, TimeSpan.FromMinutes(30)));
        try
        {
            await world.SyncTimerAsync(crashing.App);
            return false;
        }
        catch (Exception e) when (e is AggregateException or IOException)
        {
            return true;
        }
    }
}
