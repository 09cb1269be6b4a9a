using InventoryMapping.Csv;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Storage;
using InventoryMapping.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.Core.Tests.Jobs;

public sealed class ExportMappingTests
{
    [Fact]
    public async Task A_completion_step_run_again_after_the_commit_commits_the_same_file()
    {
        await using var app = await TestServices.StartAsync();
        await ShopSeed.SeedAsync(app, Enumerable.Range(0, 2500).Select(i => $"SKU-{i:D4}"), []);
        var job = (await app.Get<MappingExports>().StartAsync("shop", new MappingExportRequest(), default)).Value!;
        await app.Get<JobRunner>().RunAsync(new JobMessage(job.JobId), default);
        var blob = app.Get<AppStorage>().Container(AppStorage.ExportsContainer).GetBlobClient($"shop/{job.JobId}.csv");
        var first = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        var entity = (await app.Get<JobStore>().GetEntityAsync(job.JobId, default))!;
        var kind = app.Services.GetServices<IJobKind>().Single(k => k.Kind == JobKind.ExportMapping);

        await kind.CompleteAsync(entity, null, default);

        Assert.Equal(JobStatus.Succeeded, entity.JobStatus);
        Assert.Equal(first, (await blob.DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(2501, System.Text.Encoding.UTF8.GetString(first).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task An_export_whose_time_slices_end_mid_job_writes_every_listing_once_in_storage_order()
    {
        var clock = new SteppingClock(new FakeTimeProvider(DateTimeOffset.UtcNow), TimeSpan.FromSeconds(50));
        await using var app = await TestServices.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var skus = Enumerable.Range(0, 6000).Select(i => $"Slice-{i:D4}").ToList();
        await ShopSeed.SeedAsync(app, skus, []);
        var job = (await app.Get<MappingExports>().StartAsync("shop", new MappingExportRequest(["ChannelSku"]), default)).Value!;

        var runs = 0;
        for (; runs < 200 && (await app.Get<JobStore>().GetAsync(job.JobId, default))!.Status != JobStatus.Succeeded; runs++)
        {
            await app.Get<JobRunner>().RunAsync(new JobMessage(job.JobId), default);
        }

        var blob = app.Get<AppStorage>().Container(AppStorage.ExportsContainer).GetBlobClient($"shop/{job.JobId}.csv");
        var rows = System.Text.Encoding.UTF8.GetString((await blob.DownloadContentAsync()).Value.Content.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        var inStorageOrder = skus.OrderBy(InventoryMapping.Storage.ListingPartition.OfSku).ThenBy(s => InventoryMapping.Listings.ListingIds.FromSku(s), StringComparer.Ordinal);
        Assert.InRange(runs, 2, 199);
        Assert.Equal(inStorageOrder, rows);
    }

    [Fact]
    public void A_page_result_counts_its_rows_and_keeps_the_highest_block_of_each_part()
    {
        var sum = ExportMappingResult.Zero
            .Plus(new ExportMappingResult(1000, new Dictionary<int, int> { [3] = 1 }))
            .Plus(new ExportMappingResult(500, new Dictionary<int, int> { [3] = 2 }))
            .Plus(new ExportMappingResult(10, new Dictionary<int, int> { [7] = 1 }));

        Assert.Equal(1510, sum.Rows);
        Assert.Equal(new Dictionary<int, int> { [3] = 2, [7] = 1 }, sum.Blocks);
        Assert.Equal(sum.Blocks, JobDocument.Read(JobDocument.Write(sum), ExportMappingResult.Zero).Blocks);
    }
}
