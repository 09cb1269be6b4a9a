using InventoryMapping.AmazonAccess;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.Functions.ListingReports;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.ListingReports;
using InventoryMapping.Listings;

namespace InventoryMapping.Functions.Tests;

/// <summary>Request → collect → ingest, end to end: Azurite, the sandbox over HTTP, the production client, the timer functions.</summary>
public sealed class ListingReportTests
{
    private static SandboxListing Merchant(string sku, string title = "Title", int quantity = 5, string status = "Active") =>
        new(sku, title, "B0" + Math.Abs(sku.GetHashCode(StringComparison.Ordinal) % 100000000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture), 9.99m, quantity, Status: status);

    private static SandboxListing Fba(string sku) => new(sku, "FBA thing", "B0FBA00001", 19.5m, null, FulfillmentChannel: "AMAZON_EU");

    private static readonly SandboxListing[] s_catalogue =
    [
        Merchant("PLAIN-1"),
        Merchant("a/b\\c#d?e%f g", "Café crème – Größe XL „Premium“ €"),
        Merchant("INACTIVE-1", status: "Inactive"),
        Fba("FBA-1"),
    ];

    [Fact]
    public async Task Request_collect_ingest_fills_listings_and_the_summary()
    {
        await using var world = await AmazonWorld.StartAsync(s_catalogue);

        await world.RequestTimerAsync();
        var requested = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("listings");
        Assert.Equal("requested", requested.GetProperty("state").GetString());
        await world.CollectUntilSettledAsync();

        var summary = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json;
        Assert.Equal("current", summary.GetProperty("listings").GetProperty("state").GetString());
        Assert.True(summary.GetProperty("listings").TryGetProperty("listingsAsOf", out _));
        var counts = summary.GetProperty("counts");
        Assert.Equal(4, counts.GetProperty("total").GetInt64());
        Assert.Equal(3, counts.GetProperty("active").GetInt64());
        Assert.Equal(1, counts.GetProperty("inactive").GetInt64());
        Assert.Equal(4, counts.GetProperty("unlinked").GetInt64());
        Assert.Equal(1, counts.GetProperty("fba").GetInt64());
        Assert.Equal(0, counts.GetProperty("retired").GetInt64());
        var inactive = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "INACTIVE-1")).Json;
        Assert.Equal(("inactive", "Inactive", true), (inactive.GetProperty("status").GetString(), inactive.GetProperty("amazon").GetProperty("status").GetString(), inactive.GetProperty("listed").GetBoolean()));
        var odd = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, ListingIds.FromSku("a/b\\c#d?e%f g"))).Json;
        Assert.Equal("Café crème – Größe XL „Premium“ €", odd.GetProperty("title").GetString());
        var fba = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "FBA-1")).Json;
        Assert.True(fba.GetProperty("isFba").GetBoolean());
        Assert.False(fba.TryGetProperty("quantity", out _));
        Assert.Equal("AMAZON_EU", fba.GetProperty("amazon").GetProperty("fulfillmentChannel").GetString());
    }

    [Theory]
    [InlineData("Cp1252", false)]
    [InlineData("UTF-8", true)]
    [InlineData("Shift_JIS", true)]
    public async Task Documents_in_each_charset_arrive_with_their_characters(string charset, bool gzip)
    {
        var title = charset == "Shift_JIS" ? "日本語の商品名" : "é ü ß € „ “";
        await using var world = await AmazonWorld.StartAsync([Merchant("CS-1", title)]);
        world.Amazon.DocumentFormat = new SandboxDocumentFormat(Charset: charset, Gzip: gzip);

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        Assert.Equal(title, (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "CS-1")).Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Shuffled_and_extra_columns_and_a_missing_status_column_are_read_by_name()
    {
        await using var world = await AmazonWorld.StartAsync([Merchant("COL-1", "Columns"), Fba("COL-FBA")]);
        world.Amazon.DocumentFormat = new SandboxDocumentFormat(ShuffleColumns: true, ExtraColumns: true, OmitStatusColumn: true);

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        var listing = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "COL-1")).Json;
        Assert.Equal("Columns", listing.GetProperty("title").GetString());
        Assert.Equal(5, listing.GetProperty("quantity").GetInt32());
        Assert.Equal(9.99m, listing.GetProperty("price").GetDecimal());
        Assert.Equal("active", listing.GetProperty("status").GetString());
        Assert.Equal(2, (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts").GetProperty("active").GetInt64());
    }

    [Fact]
    public async Task The_same_report_ingested_twice_changes_nothing()
    {
        await using var world = await AmazonWorld.StartAsync(s_catalogue);
        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();
        var before = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "PLAIN-1")).Json.GetProperty("eTag").GetString();
        var latest = (await world.App.Get<ReportRequestStore>().GetLatestAsync(AmazonWorld.ChannelId, world.Timeout))!;
        var channel = (await world.App.Get<InventoryMapping.Channels.ChannelStore>().GetAsync(AmazonWorld.ChannelId, world.Timeout))!;
        var client = (await world.App.Get<SpApiConnections>().CreateReportsClientAsync(channel, world.Timeout)).Value!;
        var report = await client.GetReportAsync(latest.AmazonReportId!, world.Timeout);
        var document = await client.GetReportDocumentAsync(report.ReportDocumentId!, world.Timeout);

        var again = await world.App.Get<ListingReportIngestor>().IngestAsync(channel, latest.RequestId, client.ReadAllListingsAsync(document, null, world.Timeout), world.Timeout);

        Assert.Equal((4, 0, 0, 0), (again.Rows, again.Created, again.Updated, again.Retired));
        Assert.Equal(before, (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "PLAIN-1")).Json.GetProperty("eTag").GetString());
        Assert.Equal(3, (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts").GetProperty("active").GetInt64());
    }

    [Fact]
    public async Task A_listing_that_disappears_is_retired_with_its_link_and_comes_back_listed_and_still_linked()
    {
        await using var world = await AmazonWorld.StartAsync([Merchant("STAY"), Merchant("GO")]);
        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();
        await world.Api.CreateItemAsync(new { sku = "GO", title = "go" });
        await world.Api.LinkAsync(AmazonWorld.ChannelId, "GO", new { itemSku = "GO" });

        world.Amazon.ReplaceCatalogue(AmazonWorld.SellerId, SandboxCatalogue.Of([Merchant("STAY")]));
        await world.Api.CallAsync<ListingReportFunctions>((f, r) => f.RequestNow(r, AmazonWorld.ChannelId, default), "POST");
        await world.CollectUntilSettledAsync();
        var gone = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "GO")).Json;
        Assert.Equal((false, "active"), (gone.GetProperty("listed").GetBoolean(), gone.GetProperty("status").GetString()));
        Assert.True(gone.TryGetProperty("linkedItem", out _));
        var goneCounts = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts");
        Assert.Equal((1, 0, 1), (goneCounts.GetProperty("total").GetInt64(), goneCounts.GetProperty("linked").GetInt64(), goneCounts.GetProperty("retired").GetInt64()));

        world.Amazon.ReplaceCatalogue(AmazonWorld.SellerId, SandboxCatalogue.Of([Merchant("STAY"), Merchant("GO")]));
        await world.Api.CallAsync<ListingReportFunctions>((f, r) => f.RequestNow(r, AmazonWorld.ChannelId, default), "POST");
        await world.CollectUntilSettledAsync();
        var back = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "GO")).Json;
        Assert.True(back.GetProperty("listed").GetBoolean());
        Assert.True(back.TryGetProperty("linkedItem", out _));
        var counts = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts");
        Assert.Equal((2, 1, 1), (counts.GetProperty("active").GetInt64(), counts.GetProperty("linked").GetInt64(), counts.GetProperty("unlinked").GetInt64()));
    }

    [Fact]
    public async Task Re_request_while_one_is_in_flight_answers_with_that_one()
    {
        await using var world = await AmazonWorld.StartAsync(s_catalogue);

        var first = await world.Api.CallAsync<ListingReportFunctions>((f, r) => f.RequestNow(r, AmazonWorld.ChannelId, default), "POST");
        var second = await world.Api.CallAsync<ListingReportFunctions>((f, r) => f.RequestNow(r, AmazonWorld.ChannelId, default), "POST");
        await world.RequestTimerAsync();

        Assert.Equal(202, first.Status);
        Assert.Equal(202, second.Status);
        Assert.Equal(first.Json.GetProperty("requestId").GetString(), second.Json.GetProperty("requestId").GetString());
        Assert.Equal(1, world.Amazon.RequestCount("createReport"));
        var latest = await world.Api.CallAsync<ListingReportFunctions>((f, r) => f.Latest(r, AmazonWorld.ChannelId, default), "GET");
        Assert.Equal(first.Json.GetProperty("amazonReportId").GetString(), latest.Json.GetProperty("amazonReportId").GetString());
    }

    [Fact]
    public async Task A_429_storm_does_not_fail_the_cycle()
    {
        await using var world = await AmazonWorld.StartAsync(s_catalogue);
        world.Amazon.AddFault(new SandboxFault("*", SandboxFaultKind.Throttle, Times: 4));

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        Assert.Equal("current", (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("listings").GetProperty("state").GetString());
        Assert.Equal(4, (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts").GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData(SandboxReportOutcome.Fatal, "failed")]
    [InlineData(SandboxReportOutcome.Cancelled, "noData")]
    public async Task Fatal_and_cancelled_reports_show_in_the_summary_and_leave_listings_alone(SandboxReportOutcome outcome, string state)
    {
        await using var world = await AmazonWorld.StartAsync(s_catalogue);
        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        world.Amazon.ReportOutcome = outcome;
        await world.Api.CallAsync<ListingReportFunctions>((f, r) => f.RequestNow(r, AmazonWorld.ChannelId, default), "POST");
        await world.CollectUntilSettledAsync();

        var summary = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json;
        Assert.Equal(state, summary.GetProperty("listings").GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(summary.GetProperty("listings").GetProperty("latest").GetProperty("error").GetString()));
        Assert.Equal(3, summary.GetProperty("counts").GetProperty("active").GetInt64());
    }

    [Fact]
    public async Task A_report_stuck_in_queue_is_cancelled_and_requested_again()
    {
        await using var world = await AmazonWorld.StartAsync(s_catalogue);
        world.Amazon.ReportOutcome = SandboxReportOutcome.StuckInQueue;
        await world.RequestTimerAsync();

        world.App.Clock.Advance(TimeSpan.FromMinutes(31));
        world.Amazon.ReportOutcome = SandboxReportOutcome.Done;
        await world.CollectTimerAsync();
        await world.CollectUntilSettledAsync();

        Assert.Equal(2, world.Amazon.RequestCount("createReport"));
        Assert.Equal(1, world.Amazon.RequestCount("cancelReport"));
        Assert.Equal("current", (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("listings").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_bad_refresh_token_shows_a_clear_channel_error()
    {
        await using var world = await AmazonWorld.StartAsync(s_catalogue, refreshToken: "Atzr|revoked");

        await world.RequestTimerAsync();

        var listings = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("listings");
        Assert.Equal("failed", listings.GetProperty("state").GetString());
        Assert.Contains("invalid_grant", listings.GetProperty("latest").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Atzr|revoked", listings.GetProperty("latest").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_link_by_sku_links_new_listings_whose_sku_an_item_has()
    {
        await using var world = await AmazonWorld.StartAsync([Merchant("AUTO-1"), Merchant("auto-2")], autoLinkBySku: true);
        var item = (await world.Api.CreateItemAsync(new { sku = "AUTO-1", title = "auto" })).Json.GetProperty("itemId").GetString();
        await world.Api.CreateItemAsync(new { sku = "AUTO-2", title = "case differs" });

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        Assert.Equal(item, (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "AUTO-1")).Json.GetProperty("linkedItem").GetProperty("itemId").GetString());
        Assert.False((await world.Api.GetListingAsync(AmazonWorld.ChannelId, "auto-2")).Json.TryGetProperty("linkedItem", out _));
        Assert.Equal(1, (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts").GetProperty("linked").GetInt64());
    }

    [Fact]
    public async Task A_process_killed_mid_ingest_is_finished_by_the_next_collect_with_exact_results()
    {
        var catalogue = Enumerable.Range(0, 120).Select(i => Merchant($"MID-{i:D3}")).ToList();
        await using var world = await AmazonWorld.StartAsync(catalogue);
        await world.RequestTimerAsync();
        world.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var crashing = await CrashingRun.StartAsync(world.App, afterWrites: 40, new InventoryMapping.Testing.SkippingClock(world.App.Clock, TimeSpan.FromMinutes(30))))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => crashing.Get<ListingReportService>().CollectAsync(world.Timeout));
        }

        Assert.Equal("ingesting", (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("listings").GetProperty("state").GetString());
        await world.CollectUntilSettledAsync();

        var summary = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json;
        Assert.Equal("current", summary.GetProperty("listings").GetProperty("state").GetString());
        Assert.Equal(120, summary.GetProperty("counts").GetProperty("total").GetInt64());
        Assert.Equal(120, summary.GetProperty("counts").GetProperty("active").GetInt64());
        Assert.Equal(120, summary.GetProperty("listings").GetProperty("latest").GetProperty("rowsIngested").GetInt64());
    }
}
