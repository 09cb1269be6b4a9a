using System.Text;
using System.Text.Json;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Listings;

namespace InventoryMapping.Functions.Tests;

/// <summary>Imports of mapping CSV files: layouts, modes, encodings, applied once per version.</summary>
public sealed class ImportTests : ApiTest
{
    private ImportDrops Drops => new(Api);

    [Fact]
    public async Task Our_export_header_links_unlinks_and_sets_ignore_sync()
    {
        var items = await Drops.SeedAsync(["A", "B", "C"], ["item-a", "item-b"]);
        await Api.LinkAsync(ImportDrops.Channel, ListingIds.FromSku("B"), new { itemSku = "item-b" });
        await Drops.DropAsync("first.csv", "ChannelSku,Title,LinkedItemSku,IgnoreSync\r\nA,x,item-a,\r\nB,y,,\r\nC,z,,yes\r\n");

        var job = await Drops.ImportAsync("first");

        Assert.Equal("succeeded", ImportDrops.Status(job));
        Assert.Equal(3, ImportDrops.Count(job, "rows"));
        Assert.Equal(3, ImportDrops.Count(job, "applied"));
        Assert.Equal(0, ImportDrops.Count(job, "rejected"));
        Assert.Equal("imports/shop/first.csv", job.GetProperty("import").GetProperty("source").GetString());
        Assert.Equal(items["item-a"], await Drops.LinkedItemAsync("A"));
        Assert.Null(await Drops.LinkedItemAsync("B"));
        Assert.True(await Drops.IgnoreSyncAsync("C"));
        Assert.Null(await Drops.LinkedItemAsync("C"));
    }

    [Theory]
    [InlineData("Amazon SKU", "Item SKU")]
    [InlineData("seller-sku", "Linked SKU")]
    [InlineData("Seller_SKU", "linked_item_sku")]
    [InlineData("sku", "LINNWORKS SKU")]
    public async Task Common_header_names_are_recognised(string listingHeader, string itemHeader)
    {
        var items = await Drops.SeedAsync(["A"], ["item-a"]);
        await Drops.DropAsync("aliases.csv", $"{listingHeader},{itemHeader},Ignore Sync\nA,item-a,n\n");

        var job = await Drops.ImportAsync("aliases");

        Assert.Equal("succeeded", ImportDrops.Status(job));
        Assert.Equal(items["item-a"], await Drops.LinkedItemAsync("A"));
    }

    [Fact]
    public async Task Linnworks_layout_rejects_rows_of_another_channel()
    {
        var items = await Drops.SeedAsync(["A", "B"], ["item-a", "item-b"]);
        await Drops.DropAsync("lw.csv", "Source,SubSource,Channel SKU,Linnworks SKU\nAMAZON,shop,A,item-a\nEBAY,shop,B,item-b\n");
        var reject = await Drops.ImportAsync("lw");
        Assert.Equal("failed", ImportDrops.Status(reject));
        Assert.Null(await Drops.LinkedItemAsync("A"));
        Assert.Contains("another channel", await Drops.ErrorsAsync(reject));

        await Drops.DropAsync("lw.mapping.json", """{"onError": "skip"}""");
        await Drops.DropAsync("lw.csv", "Source,SubSource,Channel SKU,Linnworks SKU\nAMAZON,Test account,A,item-a\nAmazon,other-shop,B,item-b\n");
        var skip = await Drops.ImportAsync("lw");
        Assert.Equal("succeeded", ImportDrops.Status(skip));
        Assert.Equal(1, ImportDrops.Count(skip, "applied"));
        Assert.Equal(1, ImportDrops.Count(skip, "rejected"));
        Assert.Equal(items["item-a"], await Drops.LinkedItemAsync("A"));
        Assert.Null(await Drops.LinkedItemAsync("B"));
    }

    [Fact]
    public async Task A_sidecar_mapping_names_the_columns_and_a_missing_one_fails_the_file()
    {
        var items = await Drops.SeedAsync(["A"], ["item-a"]);
        await Drops.DropAsync("mapped.mapping.json", """{"columns": {"Listing": "ChannelSku", "Our product": "LinkedItemSku"}}""");
        await Drops.DropAsync("mapped.csv", "Listing,Our product,SKU\nA,item-a,ignored\n");
        var job = await Drops.ImportAsync("mapped");
        Assert.Equal("succeeded", ImportDrops.Status(job));
        Assert.Equal(items["item-a"], await Drops.LinkedItemAsync("A"));

        await Drops.DropAsync("missing.mapping.json", """{"columns": {"Listing": "ChannelSku", "Nope": "LinkedItemSku"}}""");
        await Drops.DropAsync("missing.csv", "Listing,Our product\nA,item-a\n");
        var failed = await Drops.ImportAsync("missing");
        Assert.Equal("failed", ImportDrops.Status(failed));
        Assert.Contains("'Nope'", failed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Reject_mode_applies_nothing_and_reports_line_column_value_and_reason()
    {
        await Drops.SeedAsync(["A", "B"], ["item-a"]);
        await Drops.DropAsync("bad.csv", "ChannelSku,LinkedItemSku\nA,item-a\nB,=HYPERLINK(\"x\")\n");

        var job = await Drops.ImportAsync("bad");

        Assert.Equal("failed", ImportDrops.Status(job));
        Assert.Equal(1, ImportDrops.Count(job, "rejected"));
        Assert.Equal(0, ImportDrops.Count(job, "applied"));
        Assert.Null(await Drops.LinkedItemAsync("A"));
        var errors = await Drops.ErrorsAsync(job);
        Assert.StartsWith("Line,Column,Value,Reason\r\n3,LinkedItemSku,\"'=HYPERLINK(\"\"x\"\")\",\"No inventory item has this SKU", errors);
    }

    [Fact]
    public async Task Skip_mode_applies_the_valid_rows_and_a_dry_run_writes_nothing()
    {
        var items = await Drops.SeedAsync(["A", "B"], ["item-a"]);
        await Drops.DropAsync("dry.mapping.json", """{"dryRun": true, "onError": "skip"}""");
        await Drops.DropAsync("dry.csv", "ChannelSku,LinkedItemSku\nA,item-a\nB,nope\n");
        var dry = await Drops.ImportAsync("dry");
        Assert.Equal("succeeded", ImportDrops.Status(dry));
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, ImportDrops.Count(dry, "toApply"));
        Assert.Equal(0, ImportDrops.Count(dry, "applied"));
        Assert.Null(await Drops.LinkedItemAsync("A"));

        await Drops.DropAsync("skip.mapping.json", """{"onError": "skip"}""");
        await Drops.DropAsync("skip.csv", "ChannelSku,LinkedItemSku\nA,item-a\nB,nope\n");
        var skip = await Drops.ImportAsync("skip");
        Assert.Equal("succeeded", ImportDrops.Status(skip));
        Assert.Equal(1, ImportDrops.Count(skip, "applied"));
        Assert.Equal(1, ImportDrops.Count(skip, "rejected"));
        Assert.Equal(items["item-a"], await Drops.LinkedItemAsync("A"));
    }

    [Fact]
    public async Task A_version_is_applied_once_however_often_the_trigger_fires_and_a_new_version_again()
    {
        var items = await Drops.SeedAsync(["A"], ["item-a", "item-b"]);
        await Drops.DropAsync("once.csv", "ChannelSku,LinkedItemSku\nA,item-a\n");
        var first = await Drops.ImportAsync("once", fires: 3);
        Assert.Equal(1, ImportDrops.Count(first, "applied"));

        // Linked elsewhere meanwhile: firing the same version again changes nothing.
        await Api.LinkAsync(ImportDrops.Channel, ListingIds.FromSku("A"), new { itemSku = "item-b" });
        var again = await Drops.ImportAsync("once");
        Assert.Equal(first.GetProperty("jobId").GetString(), again.GetProperty("jobId").GetString());
        Assert.Equal(items["item-b"], await Drops.LinkedItemAsync("A"));

        // The same bytes written again are a new version, imported again.
        await Drops.DropAsync("once.csv", "ChannelSku,LinkedItemSku\nA,item-a\n");
        var second = await Drops.ImportAsync("once");
        Assert.NotEqual(first.GetProperty("jobId").GetString(), second.GetProperty("jobId").GetString());
        Assert.Equal(items["item-a"], await Drops.LinkedItemAsync("A"));
    }

    public static TheoryData<string, byte[]> Encodings()
    {
        const string text = "ChannelSku;LinkedItemSku;Notes\r\nCafé-1;item-é;\"two\nlines; quoted\"\nplain;item-é;x\r\n";
        return new()
        {
            { "utf-8", Encoding.UTF8.GetBytes(text) },
            { "utf-8 BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] },
            { "utf-16 LE", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] },
            { "utf-16 BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)] },
            { "windows-1252", CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text) },
            { "tab, trailing delimiter", Encoding.UTF8.GetBytes(text.Replace(';', '\t').Replace("\r\n", "\t\r\n")) },
            { "comma, LF", Encoding.UTF8.GetBytes(text.Replace(';', ',').Replace("\r\n", "\n")) },
        };
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Encodings_delimiters_and_line_ends_read_the_same(string what, byte[] bytes)
    {
        var items = await Drops.SeedAsync(["Café-1", "plain"], ["item-é"]);
        await Drops.DropAsync("enc.csv", bytes);

        var job = await Drops.ImportAsync("enc");

        Assert.True(ImportDrops.Status(job) == "succeeded", $"{what}: {job}");
        Assert.Equal(2, ImportDrops.Count(job, "applied"));
        Assert.Equal(items["item-é"], await Drops.LinkedItemAsync("Café-1"));
        Assert.Equal(items["item-é"], await Drops.LinkedItemAsync("plain"));
    }

    [Fact]
    public async Task A_crash_mid_import_and_the_rerun_end_in_the_same_state_and_count_every_row_applied_once()
    {
        var skus = Enumerable.Range(0, 300).Select(i => $"S{i:D4}").ToList();
        var items = await Drops.SeedAsync(skus, skus.Select(s => "i" + s));
        await Drops.DropAsync("crash.csv", "ChannelSku,LinkedItemSku,IgnoreSync\n" + string.Concat(skus.Select(s => $"{s},i{s},true\n")));
        var started = await App.Get<InventoryMapping.Imports.ImportService>().StartFromBlobAsync(ImportDrops.Channel, "crash", default);
        var queue = App.Get<InventoryMapping.Storage.AppStorage>().JobQueue;

        // A copy of the app that dies in the middle of the apply pass, at its fourth transaction of linked listings.
        await using (var crashing = await CrashingRun.StartAsync(App, afterWrites: 3, counted: CrashingRun.WritesContaining("\"LinkJobId\"")))
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await crashing.Runner.RunAsync(new InventoryMapping.Jobs.JobMessage(started.Value!.JobId), default);
                }
            });
        }

        // The crash fell inside the apply pass: some listings linked, not all.
        var linkedBefore = 0;
        foreach (var sku in skus)
        {
            linkedBefore += await Drops.LinkedItemAsync(sku) is null ? 0 : 1;
        }

        Assert.InRange(linkedBefore, 1, skus.Count - 1);

        App.Clock.Advance(InventoryMapping.Jobs.JobRunner.Lease + TimeSpan.FromSeconds(5));
        await Api.DrainJobQueueAsync(TimeSpan.FromMinutes(5));
        var job = (await Api.GetJobAsync(started.Value!.JobId)).Json;
        Assert.Equal("succeeded", ImportDrops.Status(job));
        foreach (var sku in skus)
        {
            Assert.Equal(items["i" + sku], await Drops.LinkedItemAsync(sku));
        }

        // What the crashed attempt wrote counts as applied by this job, not as "already so".
        Assert.Equal(300, ImportDrops.Count(job, "applied"));
        Assert.Equal(0, ImportDrops.Count(job, "unchanged"));

        var counts = (await Api.SummaryAsync(ImportDrops.Channel)).Json;
        Assert.Equal(300, counts.GetProperty("counts").GetProperty("linked").GetInt64());
        Assert.NotNull(queue);
    }

    [Fact]
    public async Task An_item_deleted_or_its_SKU_moved_between_the_passes_is_reported_not_linked_and_progress_counts_each_row_once()
    {
        var items = await Drops.SeedAsync(["A", "B", "C"], ["item-a", "item-b", "item-c"]);
        await Drops.DropAsync("meanwhile.csv", "ChannelSku,LinkedItemSku\nA,item-a\nB,item-b\nC,item-c\n");
        var started = await App.Get<InventoryMapping.Imports.ImportService>().StartFromBlobAsync(ImportDrops.Channel, "meanwhile", default);
        var jobId = started.Value!.JobId;

        // A copy of the app that validates the file and dies as the apply pass begins to write (the index rows of its links).
        await using (var crashing = await CrashingRun.StartAsync(App, afterWrites: 0, counted: CrashingRun.WritesContaining("ItemListings")))
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await crashing.Runner.RunAsync(new InventoryMapping.Jobs.JobMessage(jobId), default);
                }
            });
        }

        var validated = (await Api.GetJobAsync(jobId)).Json;
        Assert.Equal(3, validated.GetProperty("progress").GetProperty("done").GetInt64());
        Assert.Equal(3, validated.GetProperty("progress").GetProperty("total").GetInt64());
        Assert.Equal(0, validated.GetProperty("progress").GetProperty("applied").GetInt64());

        Assert.Equal(202, (await Api.DeleteItemAsync(items["item-b"])).Status);
        var inventory = App.Get<InventoryMapping.Inventory.InventoryService>();
        Assert.True((await inventory.ReplaceAsync(items["item-a"], new("item-a-old", "I"), null, default)).IsSuccess);
        Assert.Equal(201, (await Api.CreateItemAsync(new { sku = "item-a", title = "successor" })).Status);

        App.Clock.Advance(InventoryMapping.Jobs.JobRunner.Lease + TimeSpan.FromSeconds(5));
        await Api.DrainJobQueueAsync(TimeSpan.FromMinutes(3));
        var job = (await Api.GetJobAsync(jobId)).Json;

        Assert.Equal("succeeded", ImportDrops.Status(job));
        Assert.Equal(3, ImportDrops.Count(job, "rows"));
        Assert.Equal(3, ImportDrops.Count(job, "toApply"));
        Assert.Equal(1, ImportDrops.Count(job, "applied"));
        Assert.Equal(2, ImportDrops.Count(job, "changedMeanwhile"));
        Assert.Equal(3, job.GetProperty("progress").GetProperty("done").GetInt64());
        Assert.Equal(1, job.GetProperty("progress").GetProperty("applied").GetInt64());
        Assert.Null(await Drops.LinkedItemAsync("A"));
        Assert.Null(await Drops.LinkedItemAsync("B"));
        Assert.Equal(items["item-c"], await Drops.LinkedItemAsync("C"));
        var errors = await Drops.ErrorsAsync(job);
        Assert.Contains("2,ChannelSku,A,The item this row names is another one than when the file was validated", errors);
        Assert.Contains("3,LinkedItemSku,item-b,\"Valid when the file was validated, not when it was applied: No inventory item has this SKU", errors);
    }

    [Fact]
    public async Task Stock_rule_columns_set_the_listings_own_rules_an_empty_cell_takes_the_channels_and_bad_values_are_rejected()
    {
        await Drops.SeedAsync(["A", "B", "C"], []);
        await App.Get<InventoryMapping.Mapping.LinkService>().PatchAsync(ImportDrops.Channel, "A", ignoreSync: null, new InventoryMapping.Channels.StockRules(30, 5, null), ifMatch: null, default);
        var marks = App.Get<InventoryMapping.StockMarks.PendingStockMarks>();
        await marks.RemoveAsync(ImportDrops.Channel, await marks.ReadAsync(ImportDrops.Channel, DateTimeOffset.MaxValue, 100, default), default);

        await Drops.DropAsync("rules.mapping.json", """{"onError": "skip"}""");
        await Drops.DropAsync("rules.csv", "ChannelSku,Stock Percentage,MaxListedQuantity,End_When_Stock\nA,,,\nB,50,10,2\nC,150,-1,x\n");

        var job = await Drops.ImportAsync("rules");

        Assert.Equal("succeeded", ImportDrops.Status(job));
        Assert.Equal(2, ImportDrops.Count(job, "applied"));
        Assert.Equal(1, ImportDrops.Count(job, "rejected"));
        Assert.Equal((null, null, null), await RulesAsync("A"));
        Assert.Equal((50, 10, 2), await RulesAsync("B"));
        Assert.Equal((null, null, null), await RulesAsync("C"));
        var errors = await Drops.ErrorsAsync(job);
        Assert.Contains("4,Stock Percentage,150,stockPercentage is 0 to 100", errors);
        Assert.Contains("4,MaxListedQuantity,'-1,maxListedQuantity may not be negative.", errors); // echoed neutralised, as every value
        Assert.Contains("4,End_When_Stock,x,\"EndWhenStock is a whole number, or empty for the channel's rule.\"", errors);
        // Both changed listings are marked for the stock sync, as a PATCH of their rules would.
        var marked = (await marks.ReadAsync(ImportDrops.Channel, DateTimeOffset.MaxValue, 100, default)).Select(m => m.ListingId).Order();
        Assert.Equal(["A", "B"], marked);

        async Task<(int?, int?, int?)> RulesAsync(string sku)
        {
            var rules = (await Api.GetListingAsync(ImportDrops.Channel, ListingIds.FromSku(sku))).Json.GetProperty("stockRules");
            int? Rule(string name) => rules.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
            return (Rule("stockPercentage"), Rule("maxListedQuantity"), Rule("endWhenStock"));
        }
    }
}
