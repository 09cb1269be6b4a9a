using Azure.Data.Tables;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;
using InventoryMapping.Mapping;

namespace InventoryMapping.Functions.Tests;

public sealed class ReservationSweepTests : ApiTest
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_sweep_commits_a_reservation_whose_item_exists_and_releases_an_abandoned_one_leaving_none()
    {
        var created = (await App.Get<InventoryService>().CreateManyAsync([new ItemDefinition("KEEP-1", "t"), new ItemDefinition("KEEP-2", "t")], default)).Value!;
        var skus = App.Get<AppStorage>().ItemSkus;
        var kept = (await skus.GetEntityAsync<TableEntity>(UniquePartition("KEEP-1"), UniqueRowKey("KEEP-1"))).Value;
        kept["Committed"] = false; // as if the creation died after writing the item, before committing its SKU
        await skus.UpdateEntityAsync(kept, kept.ETag, TableUpdateMode.Replace);
        await skus.AddEntityAsync(new TableEntity(UniquePartition("ORPHAN-1"), UniqueRowKey("ORPHAN-1"))
        {
            ["ItemId"] = "00" + new string('a', 14), ["Sku"] = "ORPHAN-1", ["Committed"] = false, // died before writing the item
        });
        Assert.Equal(2, await UncommittedAsync());
        App.Clock.Advance(ItemWriter.AbandonedReservationAge + TimeSpan.FromMinutes(1));

        var sweep = await App.Get<ReservationSweeps>().StartAsync(default);
        await Api.DrainJobQueueAsync(s_timeout);

        var done = (await App.Get<JobStore>().GetAsync(sweep.JobId, default))!;
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(2, done.Result["uncommitted"]);
        Assert.Equal(1, done.Result["committed"]);
        Assert.Equal(1, done.Result["released"]);
        Assert.Equal(0, await UncommittedAsync());
        Assert.Equal(created[0].Item.ItemId, (await App.Get<InventoryStore>().FindBySkuAsync("KEEP-1", default))!.ItemId);
        Assert.True((await App.Get<InventoryService>().CreateManyAsync([new ItemDefinition("ORPHAN-1", "free again")], default)).Value![0].DuplicateOfItemId is null);
    }

    [Fact]
    public async Task A_create_all_killed_mid_run_leaves_no_uncommitted_reservation_after_the_restart_and_a_sweep()
    {
        await Api.PutChannelAsync("shop");
        var skus = Enumerable.Range(0, 300).Select(i => $"CR-{i:D3}").ToList();
        await App.Get<ListingBatchWriter>().UpsertAsync("shop", skus.Select(s => new ListingInput(s, "t " + s)).ToList(), null, default);
        var job = (await App.Get<MappingJobs>().StartAsync(JobKind.CreateAll, "shop", false, SkuMatchMode.Exact, default)).Value!;
        // The kill lands at the fourth commit of reservations (a page commits in three or four transactions): after a
        // page's SKUs are reserved, before they are all committed. One part at a time, so that the pages come in order.
        var onePartAtATime = new Dictionary<string, string?> { ["Storage:Throughput:ItemCreationPartsInFlight"] = "1" };
        var commits = CrashingRun.WritesContaining("\"Committed\":true");
        await using (var crashing = await CrashingRun.StartAsync(App, afterWrites: 3, settings: onePartAtATime, counted: commits))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => crashing.Runner.RunAsync(new JobMessage(job.JobId), default));
        }

        var leftByTheKill = await UncommittedAsync();
        App.Clock.Advance(JobRunner.Lease + TimeSpan.FromSeconds(1));
        await Api.DrainJobQueueAsync(s_timeout); // the restart: the job is taken over and finishes
        App.Clock.Advance(ItemWriter.AbandonedReservationAge);
        var sweep = await App.Get<ReservationSweeps>().StartAsync(default);
        await Api.DrainJobQueueAsync(s_timeout);

        Assert.True(leftByTheKill > 0, "the kill left reservations uncommitted");
        Assert.Equal(JobStatus.Succeeded, (await App.Get<JobStore>().GetAsync(job.JobId, default))!.Status);
        Assert.Equal(JobStatus.Succeeded, (await App.Get<JobStore>().GetAsync(sweep.JobId, default))!.Status);
        Assert.Equal(0, await UncommittedAsync());
        Assert.Equal(300, (await App.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts.Linked);
    }

    private async Task<int> UncommittedAsync()
    {
        var count = 0;
        await foreach (var _ in App.Get<AppStorage>().ItemSkus.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {"u"} and PartitionKey lt {"v"} and Committed eq {false}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private static string UniquePartition(string sku) => ItemSkuKeysOf(sku).Partition;

    private static string UniqueRowKey(string sku) => ItemSkuKeysOf(sku).Row;

    private static (string Partition, string Row) ItemSkuKeysOf(string sku) => (
        "u" + SkuBucket.Of(sku).ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
        TableKey.Encode(sku.ToUpperInvariant()));
}
