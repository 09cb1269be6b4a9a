using System.Text;
using System.Text.Json;
using CsvHelper;
using InventoryMapping.Csv;
using InventoryMapping.Functions.Exports;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Functions.Tests;

public sealed class ExportTests : ApiTest
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// SKUs a spreadsheet or a naive CSV writer would break: formula triggers, a real leading quote, separators,
    /// quotes, spaces at either end, non-ASCII. (Neither a SKU nor a title can hold a tab or any other control character; the writer's handling of them is tested on its own.)
    /// </summary>
    public static readonly IReadOnlyList<string> NastySkus =
    [
        "'quoted", "''twice", "'=quoted-formula", "=SUM(A1:A2)", "+49-170", "-minus", "@handle", "a,b", "say \"hi\"", "semi;colon",
        " leading", "trailing ", "  both  ", "Grüße-ß", "日本語-SKU", "emoji-😀", "plain-1",
    ];

    [Fact]
    public async Task Export_writes_every_listing_with_a_bom_and_a_header_and_every_sku_parses_back_byte_exact()
    {
        await SeedNastyChannelAsync();

        var job = await ExportAsync("shop", new { });
        var file = job.GetProperty("file");
        var bytes = await new HttpClient().GetByteArrayAsync(file.GetProperty("downloadUrl").GetString());

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(NastySkus.Count, file.GetProperty("rows").GetInt64());
        Assert.Equal(NastySkus.Count, job.GetProperty("progress").GetProperty("done").GetInt64());
        Assert.Equal(NastySkus.Count, job.GetProperty("progress").GetProperty("total").GetInt64());
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.StartsWith(string.Join(",", MappingCsvField.All.Select(f => f.Name)) + "\r\n", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        var rows = Parse(bytes);
        Assert.Equal(NastySkus.Order(StringComparer.Ordinal), rows.Select(r => r["ChannelSku"]).Order(StringComparer.Ordinal));
        var linked = rows.Single(r => r["ChannelSku"] == "=SUM(A1:A2)");
        Assert.Equal("=item;1", linked["LinkedItemSku"]);
        Assert.Equal("@Item title, \"quoted\"", linked["LinkedItemTitle"]);
        Assert.Equal("true", linked["IgnoreSync"]);
        Assert.Equal("12.5", linked["Price"]);
        Assert.Equal("7", linked["Quantity"]);
        var plain = rows.Single(r => r["ChannelSku"] == "plain-1");
        Assert.Equal("", plain["LinkedItemId"]);
        Assert.Equal(("", "", ""), (plain["StockPercentage"], plain["MaxListedQuantity"], plain["EndWhenStock"]));
    }

    [Fact]
    public async Task The_stock_rule_fields_hold_the_listing_s_own_rules_and_are_empty_where_the_channel_s_apply()
    {
        await SeedNastyChannelAsync();
        var patched = await Api.CallAsync<Listings.ListingFunctions>(
            (f, r) => f.Patch(r, "shop", ListingIds.FromSku("-minus"), default), "PATCH", new { stockRules = new { stockPercentage = 50, endWhenStock = 0 } });
        Assert.Equal(200, patched.Status);

        var rows = Parse(await DownloadAsync(await ExportAsync("shop", new { fields = new[] { "ChannelSku", "StockPercentage", "MaxListedQuantity", "EndWhenStock" } })));

        Assert.Equal(["ChannelSku", "StockPercentage", "MaxListedQuantity", "EndWhenStock"], rows[0].Keys);
        var ruled = rows.Single(r => r["ChannelSku"] == "-minus");
        Assert.Equal(("50", "", "0"), (ruled["StockPercentage"], ruled["MaxListedQuantity"], ruled["EndWhenStock"]));
        var linked = rows.Single(r => r["ChannelSku"] == "=SUM(A1:A2)");
        Assert.Equal(("", "80", ""), (linked["StockPercentage"], linked["MaxListedQuantity"], linked["EndWhenStock"]));
        Assert.All(rows.Where(r => r["ChannelSku"] is not ("-minus" or "=SUM(A1:A2)")), r => Assert.Equal("", r["StockPercentage"] + r["MaxListedQuantity"] + r["EndWhenStock"]));
    }

    [Fact]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_is_written_with_a_leading_quote()
    {
        await Api.PutChannelAsync("shop");
        await UpsertAsync("shop", [new ListingInput("=HYPERLINK(\"x\")", "-title"), new ListingInput("'=already", "plain")]);

        var text = Encoding.UTF8.GetString(await DownloadAsync(await ExportAsync("shop", new { fields = new[] { "ChannelSku", "Title" } })));

        Assert.Contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",'-title\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n''=already,plain\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_export_of_unchanged_listings_is_byte_identical()
    {
        await SeedNastyChannelAsync();

        var first = await DownloadAsync(await ExportAsync("shop", new { }));
        var second = await DownloadAsync(await ExportAsync("shop", new { }));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_renamed_item_is_exported_with_its_new_sku_and_title()
    {
        await SeedNastyChannelAsync();
        var fields = new { fields = new[] { "ChannelSku", "LinkedItemSku", "LinkedItemTitle" }, filter = "linked" };
        Assert.Equal("=item;1", Parse(await DownloadAsync(await ExportAsync("shop", fields))).Single()["LinkedItemSku"]);
        var itemId = Parse(await DownloadAsync(await ExportAsync("shop", new { fields = new[] { "LinkedItemId" } }))).Single(r => r["LinkedItemId"] != "")["LinkedItemId"];

        var renamed = await Api.CallAsync<Inventory.InventoryFunctions>(
            (f, r) => f.Put(r, itemId, default), "PUT", new { sku = "+renamed", title = "-new title" });
        Assert.Equal(200, renamed.Status);

        var row = Parse(await DownloadAsync(await ExportAsync("shop", fields))).Single();
        Assert.Equal(("+renamed", "-new title"), (row["LinkedItemSku"], row["LinkedItemTitle"]));
    }

    [Fact]
    public async Task The_fields_given_are_written_in_their_order_and_the_filter_picks_the_listings()
    {
        await SeedNastyChannelAsync();

        var rows = Parse(await DownloadAsync(await ExportAsync("shop", new { fields = new[] { "LinkedItemSku", "channelsku" }, filter = "Linked" })));

        Assert.Equal(["LinkedItemSku", "ChannelSku"], rows[0].Keys);
        Assert.Equal(["=SUM(A1:A2)"], rows.Select(r => r["ChannelSku"]));
    }

    [Theory]
    [InlineData("unlinked", 16)]
    [InlineData("fba", 1)]
    [InlineData("active", 16)]
    [InlineData("all", 17)]
    public async Task Each_filter_exports_its_listings(string filter, int expected)
    {
        await SeedNastyChannelAsync();

        var job = await ExportAsync("shop", new { filter });

        Assert.Equal(expected, job.GetProperty("file").GetProperty("rows").GetInt64());
        Assert.Equal(expected, Parse(await DownloadAsync(job)).Count);
    }

    [Fact]
    public async Task A_retired_listing_is_in_no_export()
    {
        await Api.PutChannelAsync("shop");
        var writer = App.Get<ListingBatchWriter>();
        await writer.UpsertAsync("shop", [new ListingInput("KEPT", "t"), new ListingInput("GONE", "t", IsFba: true)], "report-1", default);
        await writer.UpsertAsync("shop", [new ListingInput("KEPT", "t")], "report-2", default);
        Assert.Equal(1, await writer.RetireAbsentAsync("shop", "report-2", default));

        foreach (var filter in new[] { "all", "unlinked", "fba" })
        {
            var rows = Parse(await DownloadAsync(await ExportAsync("shop", new { filter })));
            Assert.DoesNotContain(rows, r => r["ChannelSku"] == "GONE");
        }
    }

    [Fact]
    public async Task The_job_file_endpoint_streams_the_same_file_as_the_download_link()
    {
        await SeedNastyChannelAsync();
        var job = await ExportAsync("shop", new { });

        var streamed = await Api.CallAsync<ExportFunctions>((f, r) => f.File(r, job.GetProperty("jobId").GetString()!, default), "GET");

        Assert.Equal(200, streamed.Status);
        Assert.Equal("text/csv; charset=utf-8", streamed.ContentType);
        Assert.Equal(Encoding.UTF8.GetString(await DownloadAsync(job)), streamed.Body);
    }

    [Fact]
    public async Task The_job_file_of_a_running_export_is_a_conflict_and_of_an_unknown_job_not_found()
    {
        await Api.PutChannelAsync("shop");
        var started = await StartAsync("shop", new { });

        var running = await Api.CallAsync<ExportFunctions>((f, r) => f.File(r, started.Json.GetProperty("jobId").GetString()!, default), "GET");
        var unknown = await Api.CallAsync<ExportFunctions>((f, r) => f.File(r, JobIds.New(), default), "GET");

        Assert.Equal(409, running.Status);
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task The_fields_endpoint_lists_every_field_with_its_meaning_in_the_default_order()
    {
        await Api.PutChannelAsync("shop");

        var fields = await Api.CallAsync<ExportFunctions>((f, r) => f.Fields(r, "shop", default), "GET");
        var unknownChannel = await Api.CallAsync<ExportFunctions>((f, r) => f.Fields(r, "nope", default), "GET");

        Assert.Equal(200, fields.Status);
        var listed = fields.Json.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(MappingCsvField.All.Select(f => f.Name), listed.Select(f => f.GetProperty("name").GetString()));
        Assert.All(listed, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("meaning").GetString())));
        Assert.True(listed[0].GetProperty("importable").GetBoolean());
        Assert.Equal(404, unknownChannel.Status);
    }

    [Theory]
    [InlineData("{\"fields\":[\"ChannelSku\",\"Colour\"]}", "fields", "Colour")]
    [InlineData("{\"fields\":[\"ChannelSku\",\"channelSku\"]}", "fields", "twice")]
    [InlineData("{\"fields\":[]}", "fields", "at least one")]
    [InlineData("{\"filter\":\"inactive\"}", "filter", "inactive")]
    [InlineData("{\"filter\":\"1\"}", "filter", "'1'")]
    [InlineData("{\"filter\":\"linked,unlinked\"}", "filter", "linked,unlinked")]
    [InlineData("{\"colour\":\"red\"}", "colour", "colour")]
    [InlineData("{\"fields\":\"ChannelSku\"}", "fields", "fields")]
    public async Task A_bad_export_request_is_a_400_naming_the_field_and_starts_nothing(string body, string field, string detail)
    {
        await Api.PutChannelAsync("shop");

        var response = await Api.CallRawAsync<ExportFunctions>((f, r) => f.Start(r, "shop", default), "POST", body);

        Assert.Equal(400, response.Status);
        Assert.Equal(field, response.ProblemField);
        Assert.Contains(detail, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await App.Get<AppStorage>().JobQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task An_export_of_an_unknown_channel_is_a_404()
    {
        var response = await StartAsync("nope", new { });

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task A_crash_mid_export_leaves_no_visible_file_and_the_job_resumes_to_the_same_file()
    {
        await Api.PutChannelAsync("shop");
        var skus = Enumerable.Range(0, 3000).Select(i => $"SKU-{i:D5}").ToList();
        await UpsertAsync("shop", [.. skus.Select(s => new ListingInput(s, "t " + s))]);
        var clean = await DownloadAsync(await ExportAsync("shop", new { }));
        var job = (await App.Get<MappingExports>().StartAsync("shop", new MappingExportRequest(), default)).Value!;

        await using (var crashing = await CrashingRun.StartAsync(App, afterWrites: 30))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => crashing.Runner.RunAsync(new JobMessage(job.JobId), default));
        }

        var halfway = (await App.Get<JobStore>().GetAsync(job.JobId, default))!;
        var blob = App.Get<AppStorage>().Container(AppStorage.ExportsContainer).GetBlobClient($"shop/{job.JobId}.csv");
        Assert.InRange(halfway.Progress.Done, 1, skus.Count - 1);
        Assert.False(await blob.ExistsAsync());

        App.Clock.Advance(JobRunner.Lease + TimeSpan.FromSeconds(1));
        await Api.DrainJobQueueAsync(s_timeout);

        var done = (await Api.GetJobAsync(job.JobId)).Json;
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(skus.Count, done.GetProperty("file").GetProperty("rows").GetInt64());
        Assert.Equal(clean, await DownloadAsync(done));
    }

    [Fact]
    public async Task A_request_file_starts_the_export_to_the_named_file_once_however_often_it_is_delivered()
    {
        await SeedNastyChannelAsync();
        await UploadRequestAsync("shop", "weekly", "{\"fields\":[\"ChannelSku\",\"LinkedItemSku\"],\"filter\":\"linked\"}");

        var first = await DeliverRequestAsync("shop", "weekly");
        var again = await DeliverRequestAsync("shop", "weekly");
        await Api.DrainJobQueueAsync(s_timeout);

        Assert.Equal(ExportRequestResult.Started, first.Status);
        Assert.Equal(first.JobId, again.JobId);
        Assert.Equal(1, await CountJobsAsync());
        var csv = await Exports().GetBlobClient("shop/weekly.csv").DownloadContentAsync();
        var rows = Parse(csv.Value.Content.ToArray());
        Assert.Equal(["=SUM(A1:A2)"], rows.Select(r => r["ChannelSku"]));
        var result = JsonDocument.Parse((await Exports().GetBlobClient("shop/weekly.result.json").DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal("started", result.GetProperty("status").GetString());
        Assert.Equal($"/api/jobs/{first.JobId}", result.GetProperty("job").GetString());
        Assert.Equal("succeeded", (await Api.GetJobAsync(first.JobId!)).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_new_version_of_a_request_file_starts_a_new_export()
    {
        await Api.PutChannelAsync("shop");
        await UploadRequestAsync("shop", "weekly", "{}");
        var first = await DeliverRequestAsync("shop", "weekly");
        await UploadRequestAsync("shop", "weekly", "{}");

        var second = await DeliverRequestAsync("shop", "weekly");

        Assert.NotEqual(first.JobId, second.JobId);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("", "body")]
    [InlineData("[1]", "body")]
    [InlineData("{\"fields\":[\"Nope\"]}", "fields")]
    [InlineData("{\"filter\":\"sometimes\"}", "filter")]
    [InlineData("{\"extra\":1}", "extra")]
    public async Task A_bad_request_file_ends_refused_with_the_reason_and_starts_no_job(string content, string field)
    {
        await Api.PutChannelAsync("shop");
        await UploadRequestAsync("shop", "bad", content);

        var result = await DeliverRequestAsync("shop", "bad");

        Assert.Equal(ExportRequestResult.Refused, result.Status);
        Assert.Equal(field, result.Error!.Field);
        Assert.Null(result.JobId);
        Assert.Equal(0, await CountJobsAsync());
        var stored = JsonDocument.Parse((await Exports().GetBlobClient("shop/bad.result.json").DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal("refused", stored.GetProperty("status").GetString());
        Assert.False(await Exports().GetBlobClient("shop/bad.csv").ExistsAsync());
    }

    [Fact]
    public async Task A_request_file_for_an_unknown_channel_ends_refused()
    {
        await UploadRequestAsync("ghost", "weekly", "{}");

        var result = await DeliverRequestAsync("ghost", "weekly");

        Assert.Equal(ExportRequestResult.Refused, result.Status);
        Assert.Equal("Channel not found", result.Error!.Title);
    }

    /// <summary>Item SKUs as nasty as the listings' (items refuse control characters too).</summary>
    public static readonly IReadOnlyList<string> NastyItemSkus =
    [
        "'item", "''item", "'=item", "=item(1)", "+item", "-item", "@item", "it,em", "it\"em", "it;em", " item-lead", "item-trail ", "Größe-ß", "日本-item", "😀-item",
    ];

    [Fact]
    public async Task An_export_imported_unchanged_changes_nothing_and_a_second_export_is_byte_identical()
    {
        await SeedNastyChannelAsync();
        for (var i = 0; i < NastyItemSkus.Count; i++)
        {
            var item = await Api.CreateItemAsync(new { sku = NastyItemSkus[i], title = "=title " + NastyItemSkus[i] });
            Assert.Equal(201, item.Status);
            var listingId = ListingIds.FromSku(NastySkus[(i + 1) % NastySkus.Count]);
            Assert.Equal(200, (await Api.LinkAsync("shop", listingId, new { itemId = item.Json.GetProperty("itemId").GetString() })).Status);
        }

        var patched = await Api.CallAsync<Listings.ListingFunctions>(
            (f, r) => f.Patch(r, "shop", ListingIds.FromSku(" leading"), default), "PATCH", new { ignoreSync = true, stockRules = new { stockPercentage = 50, endWhenStock = 2 } });
        Assert.Equal(200, patched.Status);
        var first = await DownloadAsync(await ExportAsync("shop", new { }));
        Assert.Equal(NastyItemSkus.Count, Parse(first).Count(r => r["LinkedItemSku"] != ""));
        var stored = await StoredRowsAsync();

        var drops = new ImportDrops(Api);
        await drops.DropAsync("round-trip.csv", first);
        var imported = await drops.ImportAsync("round-trip");

        Assert.Equal("succeeded", ImportDrops.Status(imported));
        Assert.Equal(
            (NastySkus.Count, 0, 0, NastySkus.Count, 0),
            (ImportDrops.Count(imported, "rows"), ImportDrops.Count(imported, "toApply"), ImportDrops.Count(imported, "applied"),
                ImportDrops.Count(imported, "unchanged"), ImportDrops.Count(imported, "rejected")));
        Assert.Null(await drops.ErrorsAsync(imported));
        Assert.Equal(stored, await StoredRowsAsync());
        Assert.Equal(first, await DownloadAsync(await ExportAsync("shop", new { })));
    }

    /// <summary>Every row of the listings and items tables (count rows included) with its ETag: any write changes one.</summary>
    private async Task<List<string>> StoredRowsAsync()
    {
        var rows = new List<string>();
        var storage = App.Get<AppStorage>();
        foreach (var table in new[] { storage.Listings, storage.Items })
        {
            await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
            }
        }

        return rows;
    }

    /// <summary>Every nasty SKU as a listing; one linked to an item with a nasty SKU and title, one FBA, one inactive.</summary>
    private async Task SeedNastyChannelAsync()
    {
        await Api.PutChannelAsync("shop");
        await UpsertAsync("shop", [.. NastySkus.Select(sku => sku switch
        {
            "=SUM(A1:A2)" => new ListingInput(sku, "Formula title; with semicolon", "B00TEST", 12.5m, 7),
            "a,b" => new ListingInput(sku, "fba", IsFba: true),
            "@handle" => new ListingInput(sku, "inactive", Status: ListingStatus.Inactive),
            _ => new ListingInput(sku, "t " + sku),
        })]);
        var item = await Api.CreateItemAsync(new { sku = "=item;1", title = "@Item title, \"quoted\"" });
        Assert.Equal(201, item.Status);
        var listingId = ListingIds.FromSku("=SUM(A1:A2)");
        Assert.Equal(200, (await Api.LinkAsync("shop", listingId, new { itemId = item.Json.GetProperty("itemId").GetString() })).Status);
        var patched = await Api.CallAsync<Listings.ListingFunctions>((f, r) => f.Patch(r, "shop", listingId, default), "PATCH", new { ignoreSync = true, stockRules = new { maxListedQuantity = 80 } });
        Assert.Equal(200, patched.Status);
    }

    private async Task UpsertAsync(string channelId, IReadOnlyList<ListingInput> listings)
    {
        var result = await App.Get<ListingBatchWriter>().UpsertAsync(channelId, listings, null, default);
        Assert.Empty(result.Rejected);
    }

    private Task<ApiResponse> StartAsync(string channelId, object body) =>
        Api.CallAsync<ExportFunctions>((f, r) => f.Start(r, channelId, default), "POST", body);

    /// <summary>Starts an export over HTTP, runs it, and answers the finished job's status.</summary>
    private async Task<JsonElement> ExportAsync(string channelId, object body)
    {
        var started = await StartAsync(channelId, body);
        Assert.Equal(202, started.Status);
        var jobId = started.Json.GetProperty("jobId").GetString()!;
        Assert.Equal($"/api/jobs/{jobId}", started.Headers["Location"]);
        await Api.DrainJobQueueAsync(s_timeout);
        var job = (await Api.GetJobAsync(jobId)).Json;
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        return job;
    }

    private static async Task<byte[]> DownloadAsync(JsonElement job)
    {
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(job.GetProperty("file").GetProperty("downloadUrl").GetString());
    }

    /// <summary>The data rows as header → value, each cell restored as an import reads it.</summary>
    private static List<Dictionary<string, string>> Parse(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default);
        var rows = new List<Dictionary<string, string>>();
        var headers = reader.Headers;
        foreach (var row in reader)
        {
            var cells = new Dictionary<string, string>();
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = CsvFormulaGuard.Restore(row.GetString(i));
            }

            rows.Add(cells);
        }

        return rows;
    }

    private Azure.Storage.Blobs.BlobContainerClient Exports() => App.Get<AppStorage>().Container(AppStorage.ExportsContainer);

    private async Task UploadRequestAsync(string channelId, string name, string content) =>
        await App.Get<AppStorage>().Container(AppStorage.ExportRequestsContainer).GetBlobClient($"{channelId}/{name}.json")
            .UploadAsync(BinaryData.FromString(content), overwrite: true);

    private Task<ExportRequestResult> DeliverRequestAsync(string channelId, string name) =>
        App.Get<MappingExports>().StartFromRequestFileAsync(channelId, name, default);

    private async Task<int> CountJobsAsync()
    {
        var count = 0;
        await foreach (var _ in App.Get<AppStorage>().Jobs.QueryAsync<Azure.Data.Tables.TableEntity>("RowKey eq 'job'", select: ["Status"]))
        {
            count++;
        }

        return count;
    }
}
