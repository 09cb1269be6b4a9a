using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using InventoryMapping.StockMarks;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// The item → linked listings index over-approximates but never misses: killed after each write of a link or an
/// unlink in turn, a listing that is linked afterwards is always in the index, and marked for the sync.
/// </summary>
public sealed class ItemListingIndexCrashTests : ApiTest
{
    private const string ChannelId = "crash-shop";

    [Fact]
    public async Task A_link_or_unlink_killed_at_any_write_never_leaves_a_linked_listing_out_of_the_index()
    {
        await Api.PutChannelAsync(ChannelId);
        var item = (await App.Get<InventoryService>().CreateAsync(new ItemDefinition("CRASH-ITEM", "Item"), default)).Value!.ItemId;
        var points = 0;
        for (var writes = 0; writes < 50; writes++)
        {
            var sku = $"CRASH-{writes:D2}";
            await App.Get<ListingService>().PutAsync(ChannelId, new ListingInput(sku, "Listing"), default);
            var linkCrashed = await CrashingAsync(writes, links => links.LinkAsync(ChannelId, sku, new LinkTarget(item, null), null, default));
            await AssertIndexedIfLinkedAsync(item, sku, $"link killed after {writes} writes");

            await App.Get<LinkService>().LinkAsync(ChannelId, sku, new LinkTarget(item, null), null, default);
            var unlinkCrashed = await CrashingAsync(writes, links => links.UnlinkAsync(ChannelId, sku, null, default));
            await AssertIndexedIfLinkedAsync(item, sku, $"unlink killed after {writes} writes");
            if (!linkCrashed && !unlinkCrashed)
            {
                break;
            }

            points++;
        }

        Assert.True(points >= 3, $"only {points} crash points");
    }

    [Fact]
    public async Task An_unlink_removes_the_listing_from_the_index_and_a_link_marks_it()
    {
        await Api.PutChannelAsync(ChannelId);
        var item = (await App.Get<InventoryService>().CreateAsync(new ItemDefinition("IDX-ITEM", "Item"), default)).Value!.ItemId;
        await App.Get<ListingService>().PutAsync(ChannelId, new ListingInput("IDX-1", "Listing"), default);

        await App.Get<LinkService>().LinkAsync(ChannelId, "IDX-1", new LinkTarget(item, null), null, default);
        var linked = await App.Get<ItemListingIndex>().ListingsOfAsync(item, default);
        var marked = await App.Get<PendingStockMarks>().ReadAsync(ChannelId, DateTimeOffset.MaxValue, 10, default);
        await App.Get<LinkService>().UnlinkAsync(ChannelId, "IDX-1", null, default);
        var unlinked = await App.Get<ItemListingIndex>().ListingsOfAsync(item, default);

        Assert.Equal([new IndexedListing(item, ChannelId, "IDX-1")], linked);
        Assert.Equal(["IDX-1"], marked.Select(m => m.ListingId));
        Assert.Empty(unlinked);
    }

    private async Task<bool> CrashingAsync(int writes, Func<LinkService, Task> change)
    {
        await using var crashing = await CrashingRun.StartAsync(App, writes);
        try
        {
            await change(crashing.Get<LinkService>());
            return false;
        }
        catch (Exception e) when (e is IOException or AggregateException or Azure.RequestFailedException)
        {
            return true;
        }
    }

    private async Task AssertIndexedIfLinkedAsync(string itemId, string sku, string when)
    {
        var listing = await App.Get<ListingService>().GetAsync(ChannelId, ListingIds.FromSku(sku), includeSyncStatus: false, default);
        if (listing.Value!.LinkedItem?.ItemId != itemId)
        {
            return;
        }

        var indexed = await App.Get<ItemListingIndex>().ListingsOfAsync(itemId, default);
        var marked = await App.Get<PendingStockMarks>().ReadAsync(ChannelId, DateTimeOffset.MaxValue, 1000, default);
        Assert.True(indexed.Any(l => l.ListingId == ListingIds.FromSku(sku)), $"{when}: linked but not in the index");
        Assert.True(marked.Any(m => m.ListingId == ListingIds.FromSku(sku)), $"{when}: linked but not marked for the sync");
    }
}
