using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryMapping.AmazonSandbox;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>
/// Stock levels to Amazon through the real app in the local host, over HTTP: listings arrive by the report timers, a
/// seller links them and changes stock, and the SyncStock timer (every second here) gets the quantities to the sandbox
/// through JSON_LISTINGS_FEEDs, the listing then showing its sync status.
/// </summary>
public sealed class StockSyncEndToEndTests : IAsyncLifetime
{
    private const string Seller = "A1SANDBOXSELLER";
    private SandboxHost _sandbox = null!;
    private AppOverHttp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var sellerToken = "Atzr|e2e-stock-" + Guid.NewGuid().ToString("N");
        _sandbox = await AmazonSandboxApp.StartAsync(
            new SandboxOptions
            {
                QueueDelay = TimeSpan.FromMilliseconds(200),
                ProcessingDelay = TimeSpan.FromMilliseconds(500),
                FeedQueueDelay = TimeSpan.FromMilliseconds(200),
                FeedProcessingDelay = TimeSpan.FromMilliseconds(500),
                Sellers = [new SandboxSeller { SellerId = Seller, RefreshToken = sellerToken, GeneratedListings = 0 }],
            },
            TimeProvider.System,
            CancellationToken.None);
        _sandbox.Control.ReplaceCatalogue(Seller, SandboxCatalogue.Of(
            new[] { "E2E-1", "E2E-2", "E2E-3" }.Select(sku => new SandboxListing(sku, "Listing " + sku, "B000000001", 5m, 1))));
        _app = await AppOverHttp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RequestListingReportsSchedule"] = "*/2 * * * * *",
            ["CollectListingReportsSchedule"] = "* * * * * *",
            ["StockSyncSchedule"] = "* * * * * *",
            ["StockSync:MarkSettleTime"] = "00:00:00.200",
            ["StockSync:PatchThreshold"] = "0",
            ["SpApi:Endpoints:EU"] = _sandbox.BaseUri.ToString(),
            ["SpApi:TokenEndpoint"] = _sandbox.TokenUri.ToString(),
            ["ChannelCredentials:Channels:stock:ClientId"] = _sandbox.Control.Options.ClientId,
            ["ChannelCredentials:Channels:stock:ClientSecret"] = _sandbox.Control.Options.ClientSecret,
            ["ChannelCredentials:Channels:stock:RefreshToken"] = sellerToken,
        });
        _http = _app.Http;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Linked_stock_and_its_changes_reach_Amazon_and_the_listing_shows_them()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.PutAsJsonAsync("/api/channels/stock", new
        {
            accountId = Seller, accountName = "E2E stock", region = "EU", marketplaceIds = new[] { "A1PA6795UKMFR9" },
        })).StatusCode);
        await Eventually.HoldsAsync(async () => (await Summary()).GetProperty("listings").GetProperty("state").GetString() == "current", "the first report is in");

        var first = await Json(await _http.PostAsJsonAsync("/api/inventory", new { sku = "E2E-1", title = "one", stockLevels = new { @default = 5 } }));
        var second = await Json(await _http.PostAsJsonAsync("/api/inventory", new { sku = "E2E-2", title = "two", stockLevels = new { @default = 2 } }));
        await Json(await _http.PutAsJsonAsync("/api/channels/stock/listings/E2E-1/link", new { itemId = first.GetProperty("itemId").GetString() }));
        await Json(await _http.PutAsJsonAsync("/api/channels/stock/listings/E2E-2/link", new { itemId = second.GetProperty("itemId").GetString() }));
        await Eventually.HoldsAsync(() => Quantity("E2E-1") == 5 && Quantity("E2E-2") == 2, "the linked quantities reached Amazon");

        await Json(await _http.PutAsJsonAsync($"/api/inventory/{first.GetProperty("itemId").GetString()}/stock/default", new { level = 9 }));
        await Eventually.HoldsAsync(() => Quantity("E2E-1") == 9, "the stock change reached Amazon");
        await Eventually.HoldsAsync(
            async () => (await Json(await _http.GetAsync("/api/channels/stock/listings/E2E-1"))).GetProperty("syncStatus") is var status
                && status.TryGetProperty("lastUpdate", out _) && status.GetProperty("quantity").GetInt32() == 9,
            "the listing shows what Amazon applied");

        Assert.Equal([5, 9], _sandbox.Control.Received(Seller).Where(r => r.Sku == "E2E-1").Select(r => r.Quantity));
        Assert.Equal([2], _sandbox.Control.Received(Seller).Where(r => r.Sku == "E2E-2").Select(r => r.Quantity));
        Assert.DoesNotContain(_sandbox.Control.Received(Seller), r => r.Sku == "E2E-3");
        Assert.True((await Summary()).GetProperty("stockSync").TryGetProperty("lastRun", out _));
    }

    private int? Quantity(string sku) => _sandbox.Control.Quantities(Seller).TryGetValue(sku, out var quantity) ? quantity : null;

    private async Task<JsonElement> Summary() => await Json(await _http.GetAsync("/api/channels/stock/summary"));

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
