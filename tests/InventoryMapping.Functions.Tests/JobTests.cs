using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Mapping;

namespace InventoryMapping.Functions.Tests;

public sealed class JobTests : ApiTest
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Link_all_by_sku_links_exact_matches_and_answers_202_with_the_job_url()
    {
        await Api.PutChannelAsync("shop");
        foreach (var sku in new[] { "A-1", "B-2", "c-3", "NOITEM" })
        {
            await Api.PutListingAsync("shop", new { sku, title = sku });
        }

        foreach (var sku in new[] { "A-1", "B-2", "C-3" })
        {
            await Api.CreateItemAsync(new { sku, title = sku });
        }

        var started = await Api.StartLinkAllAsync("shop");
        Assert.Equal(202, started.Status);
        var jobId = started.Json.GetProperty("jobId").GetString()!;
        Assert.Equal($"/api/jobs/{jobId}", started.Headers["Location"]);

        await Api.DrainJobQueueAsync(s_timeout);
        var job = (await Api.GetJobAsync(jobId)).Json;

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("result").GetProperty(LinkAllBySkuCounts.Linked).GetInt64());
        Assert.Equal(2, job.GetProperty("result").GetProperty(LinkAllBySkuCounts.NoMatch).GetInt64());
        Assert.Equal(4, job.GetProperty("progress").GetProperty("done").GetInt64());
        Assert.Equal(4, job.GetProperty("progress").GetProperty("total").GetInt64());
        var counts = (await Api.SummaryAsync("shop")).Json.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("linked").GetInt64());
        Assert.Equal(2, counts.GetProperty("unlinked").GetInt64());
    }

    [Fact]
    public async Task Normalized_matching_links_only_unambiguous_listings_and_reports_the_rest()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "mug-1 ", title = "mug" });
        await Api.PutListingAsync("shop", new { sku = "cup-2", title = "cup" });
        var mug = (await Api.CreateItemAsync(new { sku = "MUG-1", title = "mug" })).Json.GetProperty("itemId").GetString();
        await Api.CreateItemAsync(new { sku = "CUP-2", title = "cup a" });
        await Api.CreateItemAsync(new { sku = " cup-2", title = "cup b" });

        var jobId = (await Api.StartLinkAllAsync("shop", "match=normalized")).Json.GetProperty("jobId").GetString()!;
        await Api.DrainJobQueueAsync(s_timeout);
        var job = (await Api.GetJobAsync(jobId)).Json;

        Assert.Equal(1, job.GetProperty("result").GetProperty(LinkAllBySkuCounts.Linked).GetInt64());
        Assert.Equal(1, job.GetProperty("result").GetProperty(LinkAllBySkuCounts.Ambiguous).GetInt64());
        var reported = Assert.Single(job.GetProperty("reported").EnumerateArray());
        Assert.Equal("cup-2", reported.GetProperty("sku").GetString());
        Assert.Equal(2, reported.GetProperty("itemIds").GetArrayLength());
        Assert.Equal(mug, (await Api.GetListingAsync("shop", ListingIds.FromSku("mug-1 "))).Json.GetProperty("linkedItem").GetProperty("itemId").GetString());
        Assert.False((await Api.GetListingAsync("shop", "cup-2")).Json.TryGetProperty("linkedItem", out _));
    }

    [Fact]
    public async Task Dry_run_reports_what_would_change_and_writes_nothing()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "D1", title = "t" });
        await Api.PutListingAsync("shop", new { sku = "D2", title = "t" });
        await Api.CreateItemAsync(new { sku = "D1", title = "t" });

        var linkAll = (await Api.StartLinkAllAsync("shop", "dryRun=true")).Json.GetProperty("jobId").GetString()!;
        var createAll = (await Api.StartCreateAllAsync("shop", "dryRun=true")).Json.GetProperty("jobId").GetString()!;
        await Api.DrainJobQueueAsync(s_timeout);

        var linked = (await Api.GetJobAsync(linkAll)).Json;
        Assert.True(linked.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, linked.GetProperty("result").GetProperty(LinkAllBySkuCounts.Linked).GetInt64());
        var created = (await Api.GetJobAsync(createAll)).Json;
        Assert.Equal(1, created.GetProperty("result").GetProperty("created").GetInt64());
        Assert.Equal(1, created.GetProperty("result").GetProperty("skuExists").GetInt64());
        Assert.Equal(0, (await Api.SummaryAsync("shop")).Json.GetProperty("counts").GetProperty("linked").GetInt64());
        Assert.Empty((await Api.SearchAsync("q=D2")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_create_all_dry_run_reports_listings_whose_sku_another_listing_would_create_as_the_real_run_does()
    {
        await Api.PutChannelAsync("shop");
        foreach (var sku in new[] { "Mug-1", "MUG-1", "mug-1", "Cup-2" })
        {
            await Api.PutListingAsync("shop", new { sku, title = sku });
        }

        var dry = (await Api.StartCreateAllAsync("shop", "dryRun=true")).Json.GetProperty("jobId").GetString()!;
        await Api.DrainJobQueueAsync(s_timeout);
        var real = (await Api.StartCreateAllAsync("shop")).Json.GetProperty("jobId").GetString()!;
        await Api.DrainJobQueueAsync(s_timeout);

        var wouldBe = (await Api.GetJobAsync(dry)).Json;
        var was = (await Api.GetJobAsync(real)).Json;
        Assert.Equal(2, wouldBe.GetProperty("result").GetProperty("created").GetInt64());
        Assert.Equal(2, wouldBe.GetProperty("result").GetProperty("skuExists").GetInt64());
        Assert.Equal(2, was.GetProperty("result").GetProperty("created").GetInt64());
        Assert.Equal(2, was.GetProperty("result").GetProperty("skuExists").GetInt64());
        Assert.Equal(
            was.GetProperty("reported").EnumerateArray().Select(r => r.GetProperty("sku").GetString()).Order(),
            wouldBe.GetProperty("reported").EnumerateArray().Select(r => r.GetProperty("sku").GetString()).Order());
    }

    [Fact]
    public async Task Create_all_creates_and_links_items_and_reports_skus_that_exist()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "N1", title = "new one", price = 3.5m, quantity = 2 });
        await Api.PutListingAsync("shop", new { sku = "N2", title = "new two", isFba = true });
        await Api.PutListingAsync("shop", new { sku = "EX", title = "exists" });
        var existing = (await Api.CreateItemAsync(new { sku = "ex", title = "exists" })).Json.GetProperty("itemId").GetString();

        var jobId = (await Api.StartCreateAllAsync("shop")).Json.GetProperty("jobId").GetString()!;
        await Api.DrainJobQueueAsync(s_timeout);
        var job = (await Api.GetJobAsync(jobId)).Json;

        Assert.Equal(2, job.GetProperty("result").GetProperty("created").GetInt64());
        var reported = Assert.Single(job.GetProperty("reported").EnumerateArray());
        Assert.Equal("EX", reported.GetProperty("sku").GetString());
        Assert.Equal(existing, reported.GetProperty("itemIds")[0].GetString());
        var n1 = (await Api.GetListingAsync("shop", "N1")).Json.GetProperty("linkedItem").GetProperty("itemId").GetString()!;
        var item = (await Api.GetItemAsync(n1)).Json;
        Assert.Equal(3.5m, item.GetProperty("retailPrice").GetDecimal());
        Assert.Equal(2, item.GetProperty("stockLevels").GetProperty("default").GetInt32());
        Assert.Single((await Api.SearchAsync("q=EX")).Json.GetProperty("items").EnumerateArray());
        var counts = (await Api.SummaryAsync("shop")).Json.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("linked").GetInt64());
        Assert.Equal(1, counts.GetProperty("unlinked").GetInt64());
    }

    [Theory]
    [InlineData(JobKind.LinkAllBySku)]
    [InlineData(JobKind.CreateAll)]
    public async Task A_job_killed_after_writing_part_of_a_page_runs_again_without_duplicates_or_lost_links(JobKind kind)
    {
        await Api.PutChannelAsync("shop");
        var skus = Enumerable.Range(0, 60).Select(i => $"K-{i:D3}").ToList();
        await App.Get<ListingBatchWriter>().UpsertAsync("shop", skus.Select(s => new ListingInput(s, "t " + s)).ToList(), null, default);
        if (kind == JobKind.LinkAllBySku)
        {
            await App.Get<InventoryMapping.Inventory.InventoryService>().CreateManyAsync(skus.Select(s => new InventoryMapping.Inventory.ItemDefinition(s, "t")).ToList(), default);
        }

        var job = (await App.Get<MappingJobs>().StartAsync(kind, "shop", false, SkuMatchMode.Exact, default)).Value!;
        await using (var crashing = await CrashingRun.StartAsync(App, afterWrites: 25))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => crashing.Runner.RunAsync(new JobMessage(job.JobId), default));
        }

        App.Clock.Advance(JobRunner.Lease + TimeSpan.FromSeconds(1));
        await Api.DrainJobQueueAsync(s_timeout);

        var done = (await App.Get<JobStore>().GetAsync(job.JobId, default))!;
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(60, done.Result[kind == JobKind.CreateAll ? "created" : LinkAllBySkuCounts.Linked]);
        var counts = (await App.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts;
        Assert.Equal(60, counts.Linked);
        Assert.Equal(0, counts.Unlinked);
        foreach (var sku in skus)
        {
            var hits = (await App.Get<InventoryMapping.Inventory.IInventorySearch>().SearchAsync(sku, 10, null, default)).Value!.Items;
            Assert.Single(hits, h => h.Sku == sku);
        }
    }

    [Fact]
    public async Task Every_reported_listing_of_a_job_can_be_paged_not_only_the_first_fifty()
    {
        await Api.PutChannelAsync("shop");
        var skus = Enumerable.Range(0, 80).Select(i => $"Taken-{i:D3}").ToList();
        await App.Get<ListingBatchWriter>().UpsertAsync("shop", skus.Select(s => new ListingInput(s, "t " + s)).ToList(), null, default);
        await App.Get<InventoryMapping.Inventory.InventoryService>().CreateManyAsync(skus.Select(s => new InventoryMapping.Inventory.ItemDefinition(s, "t")).ToList(), default);
        var jobId = (await Api.StartCreateAllAsync("shop")).Json.GetProperty("jobId").GetString()!;
        await Api.DrainJobQueueAsync(s_timeout);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Api.GetJobReportedAsync(jobId, token);
            Assert.Equal(200, page.Status);
            seen.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("sku").GetString()!));
            token = page.Json.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 200);

        var job = (await Api.GetJobAsync(jobId)).Json;
        Assert.Equal(50, job.GetProperty("reported").GetArrayLength());
        Assert.Equal(80, job.GetProperty("reportedCount").GetInt64());
        Assert.Equal(skus, seen.Order(StringComparer.Ordinal));
        Assert.True(pages > 1);
    }

    [Fact]
    public async Task A_reported_rows_token_of_another_job_or_made_up_is_refused_naming_the_token()
    {
        await Api.PutChannelAsync("shop");
        var first = (await Api.StartCreateAllAsync("shop")).Json.GetProperty("jobId").GetString()!;
        var second = (await Api.StartCreateAllAsync("shop")).Json.GetProperty("jobId").GetString()!;
        await Api.DrainJobQueueAsync(s_timeout);
        var foreign = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { JobId = first, Marker = "m" }));

        var refused = await Api.GetJobReportedAsync(second, foreign);
        var madeUp = await Api.GetJobReportedAsync(second, "not-a-token");
        var unknown = await Api.GetJobReportedAsync(JobIds.New());

        Assert.Equal(400, refused.Status);
        Assert.Equal("continuationToken", refused.ProblemField);
        Assert.Equal(400, madeUp.Status);
        Assert.Equal(404, unknown.Status);
    }
}

/// <summary>Names of Link All's result counters, as the API shows them.</summary>
internal static class LinkAllBySkuCounts
{
    public const string Linked = "linked";
    public const string NoMatch = "noMatch";
    public const string Ambiguous = "ambiguous";
}
