using Azure.Data.Tables;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Listings;

public sealed class ListingCountsRollupTests
{
    [Fact]
    public async Task The_summary_reads_no_count_row_of_a_partition_while_no_writer_is_at_work_on_it()
    {
        var requests = new StorageRequestLog();
        await using var app = await TestServices.StartAsync(requests.AddTo);
        var skus = await SeedAsync(app, 300);
        foreach (var sku in skus.Take(40))
        {
            await app.Get<LinkService>().LinkAsync("shop", ListingIds.FromSku(sku), new LinkTarget(null, sku), null, default);
        }

        requests.Clear();
        var counts = (await app.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts;

        Assert.Equal((300, 40, 260), (counts.Active, counts.Linked, counts.Unlinked));
        Assert.Equal(0, requests.PointReads("Listings"));
        Assert.Equal(2, requests.PointReads("Channels")); // the channel and its counts
    }

    [Fact]
    public async Task A_writer_that_died_after_its_transaction_leaves_the_summary_exact_and_a_later_reader_clears_its_mark()
    {
        var requests = new StorageRequestLog();
        await using var app = await TestServices.StartAsync(requests.AddTo);
        var skus = await SeedAsync(app, 20);
        var listingId = ListingIds.FromSku(skus[0]);
        var partition = ListingPartition.Of(listingId);

        // What ListingWriter does for a link, without the publication at the end: the process died there.
        await app.Get<ListingCountsRollup>().StartAsync("shop", partition, default);
        await LinkWithoutPublishingAsync(app.Get<AppStorage>(), listingId, skus[0], app.Clock.GetUtcNow());
        Assert.Equal(0, await PublishedLinkedAsync(app, partition));

        requests.Clear();
        Assert.Equal(1, (await app.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts.Linked);
        Assert.Equal(1, requests.PointReads("Listings")); // the marked partition's count row

        app.Clock.Advance(ListingCountsRollup.AbandonedAfter + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await app.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts.Linked);
        Assert.Equal(1, await PublishedLinkedAsync(app, partition));

        requests.Clear();
        Assert.Equal(1, (await app.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts.Linked);
        Assert.Equal(0, requests.PointReads("Listings"));
    }

    private static async Task<List<string>> SeedAsync(TestServices app, int count)
    {
        var skus = Enumerable.Range(0, count).Select(i => $"R-{i:D4}").ToList();
        await ShopSeed.SeedAsync(app, skus, skus);
        return skus;
    }

    private static async Task LinkWithoutPublishingAsync(AppStorage storage, string listingId, string sku, DateTimeOffset now)
    {
        var partitionKey = ListingPartition.PartitionKey("shop", ListingPartition.Of(listingId));
        var before = (await storage.Listings.GetEntityAsync<ListingEntity>(partitionKey, listingId)).Value;
        var after = before.Clone().LinkTo(new ItemReference(ItemIds.New(), sku), now, jobId: null);
        var counts = (await storage.Listings.GetEntityAsync<ListingCountsEntity>(partitionKey, ListingPartition.CountsRowKey)).Value;
        counts.Version++;
        counts.Tally += new ListingChange(before, after).Delta;
        await storage.Listings.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, after, before.ETag),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, counts, counts.ETag),
        ]);
    }

    private static async Task<long> PublishedLinkedAsync(TestServices app, int partition)
    {
        var row = (await app.Get<AppStorage>().Channels.GetEntityAsync<ChannelCountsEntity>(ChannelCountsEntity.Partition, "shop")).Value;
        return row.ReadPartitions()[partition].Counts.Linked;
    }
}
