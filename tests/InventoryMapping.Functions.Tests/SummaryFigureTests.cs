using System.Text.Json;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.Functions.Listings;
using InventoryMapping.Functions.ListingReports;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Listings;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// Each figure of the summary is exactly the number of rows the listing pages give under its filter, on a catalogue
/// that mixes every state: Active and Inactive, FBA and merchant, linked and not, Ignore Sync, listed and retired.
/// </summary>
public sealed class SummaryFigureTests
{
    private const int Size = 30;

    /// <summary>The second report leaves these out: linked, Ignore Sync, Inactive and FBA ones among them.</summary>
    private static readonly int[] s_dropped = [1, 2, 5, 10, 27];

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private static string Sku(int i) => $"MIX-{i:D2}";

    private static bool Inactive(int i) => i % 3 == 0;

    private static bool Fba(int i) => i % 4 == 0;

    private static bool HasItem(int i) => i % 2 == 0;

    private static bool IgnoresSync(int i) => i % 5 == 0;

    private static SandboxListing Listing(int i) => new(
        Sku(i),
        "Mixed " + i,
        "B0MIX000" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
        9.99m,
        Fba(i) ? null : i,
        FulfillmentChannel: Fba(i) ? "AMAZON_EU" : "DEFAULT",
        Status: Inactive(i) ? "Inactive" : "Active");

    /// <summary>Each figure of the summary and the listing filter that pages it.</summary>
    private static readonly (string Figure, string Filter)[] s_figures =
    [
        ("total", ""),
        ("active", "status=active"),
        ("inactive", "status=inactive"),
        ("linked", "link=linked"),
        ("unlinked", "link=unlinked"),
        ("fba", "fba=true"),
        ("ignoreSync", "ignoreSync=true"),
        ("retired", "listed=false"),
    ];

    [Fact]
    public async Task Every_summary_figure_is_the_number_of_rows_its_filter_pages_each_passing_it_and_the_figures_add_up()
    {
        await using var world = await MixedCatalogueAsync();

        var counts = (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("counts");
        foreach (var (figure, filter) in s_figures)
        {
            var rows = await PageAllAsync(world, filter);
            Assert.True(counts.GetProperty(figure).GetInt64() == rows.Count, $"{figure}: summary {counts.GetProperty(figure).GetInt64()}, pages under '{filter}' {rows.Count}");
            Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("listingId").GetString()).Distinct().Count());
            AssertEachPasses(figure, filter, rows);
        }

        // The same figures counted from the catalogue itself, so that neither side can be wrong the same way.
        var listed = Enumerable.Range(0, Size).Except(s_dropped).ToList();
        Assert.Equal(
            (listed.Count, listed.Count(i => !Inactive(i)), listed.Count(Inactive), listed.Count(HasItem), listed.Count(i => !HasItem(i)), listed.Count(Fba), listed.Count(IgnoresSync), s_dropped.Length),
            (Figure(counts, "total"), Figure(counts, "active"), Figure(counts, "inactive"), Figure(counts, "linked"), Figure(counts, "unlinked"), Figure(counts, "fba"), Figure(counts, "ignoreSync"), Figure(counts, "retired")));
        Assert.Equal(Figure(counts, "total"), Figure(counts, "linked") + Figure(counts, "unlinked"));
        Assert.Equal(Figure(counts, "total"), Figure(counts, "active") + Figure(counts, "inactive"));
    }

    private static void AssertEachPasses(string figure, string filter, List<JsonElement> rows)
    {
        foreach (var row in rows)
        {
            var i = int.Parse(row.GetProperty("sku").GetString()!["MIX-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var listed = !s_dropped.Contains(i);
            Assert.Equal(listed, row.GetProperty("listed").GetBoolean());
            Assert.Equal(Inactive(i) ? "inactive" : "active", row.GetProperty("status").GetString());
            Assert.Equal(Inactive(i) ? "Inactive" : "Active", row.GetProperty("amazon").GetProperty("status").GetString());
            Assert.True(figure switch
            {
                "total" => listed,
                "active" => listed && !Inactive(i),
                "inactive" => listed && Inactive(i),
                "linked" => listed && row.TryGetProperty("linkedItem", out _),
                "unlinked" => listed && !row.TryGetProperty("linkedItem", out _),
                "fba" => listed && row.GetProperty("isFba").GetBoolean(),
                "ignoreSync" => listed && row.GetProperty("ignoreSync").GetBoolean(),
                "retired" => !listed,
                _ => false,
            }, $"{row.GetProperty("sku").GetString()} under '{filter}'");
        }
    }

    [Fact]
    public async Task Link_all_links_inactive_listed_listings_and_leaves_retired_ones_unlinked()
    {
        await using var world = await MixedCatalogueAsync(linkBeforeRetiring: false);
        var started = await world.Api.StartLinkAllAsync(AmazonWorld.ChannelId);
        await world.Api.DrainJobQueueAsync(s_timeout);

        var job = (await world.Api.GetJobAsync(started.Json.GetProperty("jobId").GetString()!)).Json;
        var listedWithItem = Enumerable.Range(0, Size).Except(s_dropped).Where(HasItem).ToList();
        Assert.Equal(listedWithItem.Count, job.GetProperty("result").GetProperty("linked").GetInt64());
        Assert.Contains(listedWithItem, Inactive);
        foreach (var i in Enumerable.Range(0, Size).Where(HasItem))
        {
            var listing = (await world.Api.GetListingAsync(AmazonWorld.ChannelId, Sku(i))).Json;
            Assert.Equal(!s_dropped.Contains(i), listing.TryGetProperty("linkedItem", out _));
        }
    }

    private static long Figure(JsonElement counts, string name) => counts.GetProperty(name).GetInt64();

    /// <summary>
    /// The catalogue's first report, items for the even SKUs (linked by Link All unless <paramref name="linkBeforeRetiring"/>
    /// is false), Ignore Sync on every fifth, then a second report without <see cref="s_dropped"/>.
    /// </summary>
    private static async Task<AmazonWorld> MixedCatalogueAsync(bool linkBeforeRetiring = true)
    {
        var catalogue = Enumerable.Range(0, Size).Select(Listing).ToList();
        var world = await AmazonWorld.StartAsync(catalogue);
        await world.RequestTimerAsync();
        await world.CollectUntilSettledAsync();
        foreach (var i in Enumerable.Range(0, Size).Where(HasItem))
        {
            Assert.Equal(201, (await world.Api.CreateItemAsync(new { sku = Sku(i), title = "Item " + i })).Status);
        }

        if (linkBeforeRetiring)
        {
            await world.Api.StartLinkAllAsync(AmazonWorld.ChannelId);
            await world.Api.DrainJobQueueAsync(s_timeout);
        }

        foreach (var i in Enumerable.Range(0, Size).Where(IgnoresSync))
        {
            var patched = await world.Api.CallAsync<ListingFunctions>((f, r) => f.Patch(r, AmazonWorld.ChannelId, Sku(i), default), "PATCH", new { ignoreSync = true });
            Assert.Equal(200, patched.Status);
        }

        world.Amazon.ReplaceCatalogue(AmazonWorld.SellerId, SandboxCatalogue.Of(catalogue.Where((_, i) => !s_dropped.Contains(i))));
        await world.Api.CallAsync<ListingReportFunctions>((f, r) => f.RequestNow(r, AmazonWorld.ChannelId, default), "POST");
        await world.CollectUntilSettledAsync();
        Assert.Equal("current", (await world.Api.SummaryAsync(AmazonWorld.ChannelId)).Json.GetProperty("listings").GetProperty("state").GetString());
        return world;
    }

    /// <summary>Every row the listing pages give under <paramref name="filter"/>, in small pages.</summary>
    private static async Task<List<JsonElement>> PageAllAsync(AmazonWorld world, string filter)
    {
        var rows = new List<JsonElement>();
        string? token = null;
        do
        {
            var query = string.Join('&', new[] { filter, "pageSize=4", token is null ? "" : "continuationToken=" + Uri.EscapeDataString(token) }.Where(p => p.Length > 0));
            var page = await world.Api.ListingsAsync(AmazonWorld.ChannelId, query);
            Assert.Equal(200, page.Status);
            rows.AddRange(page.Json.GetProperty("listings").EnumerateArray().Select(e => e.Clone()));
            token = page.Json.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        return rows;
    }
}
