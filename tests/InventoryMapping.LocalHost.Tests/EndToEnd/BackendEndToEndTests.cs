using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.LocalHost.Hosting;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>
/// The real app in the local host on a free port, with Azurite and the Amazon sandbox, exercised over real HTTP
/// with a function key, as a developer or the UI would use it. Its timers run on their (fast) schedules.
/// </summary>
public sealed class BackendEndToEndTests : IAsyncLifetime
{
    private const string Key = AppOverHttp.Key;
    private const string Seller = "A1SANDBOXSELLER";
    private SandboxHost _sandbox = null!;
    private AppOverHttp _app = null!;
    private LocalFunctionsHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var sellerToken = "Atzr|e2e-" + Guid.NewGuid().ToString("N");
        _sandbox = await AmazonSandboxApp.StartAsync(
            new SandboxOptions
            {
                QueueDelay = TimeSpan.FromMilliseconds(500),
                ProcessingDelay = TimeSpan.FromSeconds(1),
                Sellers = [new SandboxSeller { SellerId = Seller, RefreshToken = sellerToken, GeneratedListings = 200 }],
            },
            TimeProvider.System,
            CancellationToken.None);
        _app = await AppOverHttp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RequestListingReportsSchedule"] = "*/2 * * * * *",
            ["CollectListingReportsSchedule"] = "* * * * * *",
            ["SpApi:Endpoints:EU"] = _sandbox.BaseUri.ToString(),
            ["SpApi:TokenEndpoint"] = _sandbox.TokenUri.ToString(),
            ["ChannelCredentials:Channels:demo:ClientId"] = _sandbox.Control.Options.ClientId,
            ["ChannelCredentials:Channels:demo:ClientSecret"] = _sandbox.Control.Options.ClientSecret,
            ["ChannelCredentials:Channels:demo:RefreshToken"] = sellerToken,
        });
        _host = _app.Host;
        _http = _app.Http;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_request_without_the_function_key_is_rejected()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/channels?code=" + Key)).StatusCode);
    }

    [Fact]
    public async Task Listings_arrive_by_the_timers_and_link_unlink_create_item_and_link_all_work_over_http()
    {
        var channel = await _http.PutAsJsonAsync("/api/channels/demo", new
        {
            accountId = Seller, accountName = "E2E", region = "EU", marketplaceIds = new[] { "A1PA6795UKMFR9" },
        });
        Assert.Equal(HttpStatusCode.OK, channel.StatusCode);

        // The request timer asks for the report, the collect timer ingests it: nobody calls anything.
        await Eventually.HoldsAsync(async () => (await Summary()).GetProperty("listings").GetProperty("state").GetString() == "current", "the first report is in");
        var counts = (await Summary()).GetProperty("counts");
        Assert.Equal(200, counts.GetProperty("total").GetInt64());
        Assert.Equal(180, counts.GetProperty("active").GetInt64());

        var catalogue = ListingGenerator.Create;
        var first = catalogue(1, _sandbox.Control.Options.GeneratorSeed);
        var firstId = Uri.EscapeDataString(Listings.ListingIds.FromSku(first.Sku));
        var item = await Json(await _http.PostAsJsonAsync("/api/inventory", new { sku = first.Sku, title = "mine" }));
        var linked = await Json(await _http.PutAsJsonAsync($"/api/channels/demo/listings/{firstId}/link", new { itemId = item.GetProperty("itemId").GetString() }));
        Assert.Equal(item.GetProperty("itemId").GetString(), linked.GetProperty("linkedItem").GetProperty("itemId").GetString());
        var unlinked = await Json(await _http.DeleteAsync($"/api/channels/demo/listings/{firstId}/link"));
        Assert.False(unlinked.TryGetProperty("linkedItem", out _));

        var second = catalogue(2, _sandbox.Control.Options.GeneratorSeed);
        var created = await _http.PostAsync($"/api/channels/demo/listings/{Uri.EscapeDataString(Listings.ListingIds.FromSku(second.Sku))}/create-item", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        foreach (var index in new[] { 4, 5, 7, 8 })
        {
            var listing = catalogue(index, _sandbox.Control.Options.GeneratorSeed);
            Assert.Equal(HttpStatusCode.Created, (await _http.PostAsJsonAsync("/api/inventory", new { sku = listing.Sku, title = "t" })).StatusCode);
        }

        var started = await _http.PostAsync("/api/channels/demo/link-all-by-sku", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobUrl = started.Headers.Location!.ToString();
        await Eventually.HoldsAsync(async () => (await Json(await _http.GetAsync(jobUrl))).GetProperty("status").GetString() == "succeeded", "the Link All job finished");
        var job = await Json(await _http.GetAsync(jobUrl));
        Assert.Equal(5, job.GetProperty("result").GetProperty("linked").GetInt64()); // items for 1, 4, 5, 7, 8
        Assert.Equal(6, (await Summary()).GetProperty("counts").GetProperty("linked").GetInt64());
    }

    private async Task<JsonElement> Summary() => await Json(await _http.GetAsync("/api/channels/demo/summary"));

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
