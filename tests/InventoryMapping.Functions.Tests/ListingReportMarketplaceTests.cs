using System.Text.Json;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.Functions.ListingReports;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.ListingReports;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// A channel with several marketplaces: one All Listings report per marketplace (Amazon uses only the first
/// marketplace id of a listings report), ingested as one; listings stay keyed by SKU per channel.
/// </summary>
public sealed class ListingReportMarketplaceTests
{
    private const string Germany = AmazonWorld.Marketplace;
    private const string France = "A13V1IB3VIYZZH";

    private static SandboxListing Merchant(string sku, string title = "Title") => new(sku, title, "B0MKT" + sku.Length.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), 9.99m, 5);

    private static async Task<AmazonWorld> TwoMarketplacesAsync(IEnumerable<SandboxListing> germany, IEnumerable<SandboxListing> france)
    {
        var world = await AmazonWorld.StartAsync([], marketplaceIds: [Germany, France]);
        world.Amazon.ReplaceCatalogue(AmazonWorld.SellerId, Germany, SandboxCatalogue.Of(germany));
        world.Amazon.ReplaceCatalogue(AmazonWorld.SellerId, France, SandboxCatalogue.Of(france));
        return world;
    }

    private static async Task<ReportRequest> LatestAsync(AmazonWorld world) =>
        (await world.App.Get<ReportRequestStore>().GetLatestAsync(AmazonWorld.ChannelId, world.Timeout))!;

    private static string[] MarketplacesInBody(SandboxCreateReportCall call) =>
        [.. JsonDocument.Parse(call.Body).RootElement.GetProperty("marketplaceIds").EnumerateArray().Select(id => id.GetString()!)];

    [Fact]
    public async Task Each_createReport_names_one_marketplace_and_every_marketplace_is_asked()
    {
        await using var world = await TwoMarketplacesAsync([Merchant("DE-1")], [Merchant("FR-1")]);

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        var calls = world.Amazon.CreateReportCalls.Where(c => c.SellerId == AmazonWorld.SellerId).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Single(MarketplacesInBody(call)));
        Assert.Equal([Germany, France], calls.Select(call => MarketplacesInBody(call)[0]));
        Assert.Equal(ReportRequestStatus.Ingested, (await LatestAsync(world)).Status);
    }

    [Fact]
    public async Task A_single_marketplace_channel_asks_one_report_for_its_marketplace_as_before()
    {
        await using var world = await AmazonWorld.StartAsync([Merchant("ONE-1")]);

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        var call = Assert.Single(world.Amazon.CreateReportCalls);
        Assert.Equal([Germany], MarketplacesInBody(call));
        var latest = await LatestAsync(world);
        Assert.Equal((ReportRequestStatus.Ingested, 1L), (latest.Status, latest.RowsIngested!.Value));
        Assert.NotNull(latest.AmazonReportId);
    }

    [Fact]
    public async Task A_listing_in_any_marketplace_is_listed_once_per_channel_with_the_first_marketplaces_row()
    {
        await using var world = await TwoMarketplacesAsync(
            [Merchant("ONLY-DE"), Merchant("BOTH", "Deutscher Titel")],
            [Merchant("BOTH", "Titre français"), Merchant("ONLY-FR")]);

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        var latest = await LatestAsync(world);
        Assert.Equal((ReportRequestStatus.Ingested, 4L), (latest.Status, latest.RowsIngested!.Value));
        var counts = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts");
        Assert.Equal((3, 3), (counts.GetProperty("total").GetInt64(), counts.GetProperty("active").GetInt64()));
        Assert.Equal("Deutscher Titel", (await world.Api.GetListingAsync(AmazonWorld.ChannelId, "BOTH")).Json.GetProperty("title").GetString());
        Assert.True((await world.Api.GetListingAsync(AmazonWorld.ChannelId, "ONLY-FR")).Json.GetProperty("listed").GetBoolean());
    }

    [Fact]
    public async Task A_listing_retires_only_when_no_marketplace_lists_it_any_more()
    {
        await using var world = await TwoMarketplacesAsync(
            [Merchant("KEEP-1"), Merchant("MOVES"), Merchant("KEEP-2")],
            [Merchant("GOES"), Merchant("KEEP-3")]);
        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        // MOVES leaves Germany but is listed in France now; GOES leaves France and is nowhere.
        world.Amazon.ReplaceCatalogue(AmazonWorld.SellerId, Germany, SandboxCatalogue.Of([Merchant("KEEP-1"), Merchant("KEEP-2")]));
        world.Amazon.ReplaceCatalogue(AmazonWorld.SellerId, France, SandboxCatalogue.Of([Merchant("MOVES"), Merchant("KEEP-3")]));
        await world.Api.CallAsync<ListingReportFunctions>((f, r) => f.RequestNow(r, AmazonWorld.ChannelId, default), "POST");
        await world.CollectUntilSettledAsync();

        var latest = await LatestAsync(world);
        Assert.Equal((ReportRequestStatus.Ingested, 1L), (latest.Status, latest.ListingsRetired!.Value));
        Assert.True((await world.Api.GetListingAsync(AmazonWorld.ChannelId, "MOVES")).Json.GetProperty("listed").GetBoolean());
        Assert.False((await world.Api.GetListingAsync(AmazonWorld.ChannelId, "GOES")).Json.GetProperty("listed").GetBoolean());
        var counts = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts");
        Assert.Equal((4, 1), (counts.GetProperty("total").GetInt64(), counts.GetProperty("retired").GetInt64()));
    }

    [Fact]
    public async Task One_marketplaces_fatal_report_fails_the_whole_request_and_names_the_marketplace()
    {
        await using var world = await TwoMarketplacesAsync([Merchant("DE-1")], [Merchant("FR-1")]);
        world.Amazon.SetReportOutcome(France, SandboxReportOutcome.Fatal);

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        var failed = await LatestAsync(world);
        Assert.Equal(ReportRequestStatus.Failed, failed.Status);
        Assert.StartsWith($"Marketplace {France}: Amazon aborted the report (FATAL)", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_document_error_in_one_marketplace_fails_the_request_naming_that_marketplace()
    {
        await using var world = await TwoMarketplacesAsync([Merchant("DE-1")], [Merchant("FR-1")]);
        world.Amazon.DocumentFormat = new SandboxDocumentFormat(Charset: "x-no-such-charset");

        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();

        var failed = await LatestAsync(world);
        Assert.Equal(ReportRequestStatus.Failed, failed.Status);
        Assert.StartsWith("Marketplace ", failed.Error, StringComparison.Ordinal);
        Assert.Contains("x-no-such-charset", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts").GetProperty("total").GetInt64());
    }
}
