using InventoryMapping.Inventory;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Mapping;

public sealed class LinkAllBySkuTests
{
    [Theory]
    [InlineData("abc-1", "ABC-1")]
    [InlineData(" Mug 12oz ", "MUG 12OZ")]
    [InlineData("tasse-ÄÖ/#?", "TASSE-äö/#?")]
    [InlineData("x", "  X")]
    public void A_listing_partition_holds_the_sku_buckets_of_every_item_it_can_match(string listingSku, string itemSku)
    {
        var (first, last) = ListingPartition.SkuBuckets(ListingPartition.OfSku(listingSku));

        foreach (var (partition, _) in new[] { ItemSkuKeys.UniqueRow(itemSku), ItemSkuKeys.NormalizedRow(itemSku) })
        {
            var bucket = Convert.ToInt32(partition[1..], 16);
            Assert.InRange(bucket, first, last);
        }
    }

    [Fact]
    public async Task Link_all_reads_item_skus_once_per_listing_partition_not_once_per_listing()
    {
        var requests = new StorageRequestLog();
        await using var app = await TestServices.StartAsync(requests.AddTo);
        var skus = Enumerable.Range(0, 400).Select(i => $"Sku-{i:D4}").ToList();
        await ShopSeed.SeedAsync(app, skus, skus.Where((_, i) => i % 4 != 0));
        requests.Clear();

        var job = await RunLinkAllAsync(app, SkuMatchMode.Exact);

        Assert.Equal(300, job.Result[LinkAllBySku.Linked]);
        Assert.Equal(100, job.Result[LinkAllBySku.NoMatch]);
        Assert.Equal(0, requests.PointReads("ItemSkus"));
        Assert.Equal(ListingPartition.Count, requests.Queries("ItemSkus"));
    }

    [Fact]
    public async Task A_reservation_a_crash_left_uncommitted_links_if_its_item_exists_and_never_if_not()
    {
        await using var app = await TestServices.StartAsync();
        await ShopSeed.SeedAsync(app, ["KEEP-1", "GONE-2"], ["KEEP-1"]);
        var storage = app.Get<AppStorage>();
        var (partition, rowKey) = ItemSkuKeys.UniqueRow("KEEP-1");
        var kept = (await storage.ItemSkus.GetEntityAsync<ItemSkuEntity>(partition, rowKey)).Value;
        kept.Committed = false;
        await storage.ItemSkus.UpdateEntityAsync(kept, kept.ETag);
        (partition, rowKey) = ItemSkuKeys.UniqueRow("GONE-2");
        await storage.ItemSkus.AddEntityAsync(new ItemSkuEntity { PartitionKey = partition, RowKey = rowKey, ItemId = ItemIds.New(), Sku = "GONE-2" });

        var job = await RunLinkAllAsync(app, SkuMatchMode.Exact);

        Assert.Equal(1, job.Result[LinkAllBySku.Linked]);
        Assert.Equal(1, job.Result[LinkAllBySku.NoMatch]);
        var listing = (await app.Get<ListingService>().GetAsync("shop", ListingIds.FromSku("KEEP-1"), includeSyncStatus: false, default)).Value;
        Assert.Equal(kept.ItemId, listing!.LinkedItem!.ItemId);
    }

    private static async Task<Job> RunLinkAllAsync(TestServices app, SkuMatchMode mode)
    {
        var started = (await app.Get<MappingJobs>().StartAsync(JobKind.LinkAllBySku, "shop", false, mode, default)).Value!;
        await app.Get<JobRunner>().RunAsync(new JobMessage(started.JobId), default);
        var job = (await app.Get<JobStore>().GetAsync(started.JobId, default))!;
        Assert.Equal(JobStatus.Succeeded, job.Status);
        return job;
    }
}
