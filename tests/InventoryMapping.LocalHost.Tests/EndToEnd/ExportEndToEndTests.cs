using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryMapping.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>
/// Export Mapping in the real app in the local host: started over HTTP and by a request file the host's blob trigger
/// delivers, run by the queue-triggered job runner, downloaded through the SAS link and through the API.
/// </summary>
public sealed class ExportEndToEndTests : IAsyncLifetime
{
    private AppOverHttp _app = null!;

    public async Task InitializeAsync() => _app = await AppOverHttp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_export_started_over_http_is_downloaded_by_its_link_and_by_the_api_alike()
    {
        await SeedAsync();

        var started = await _app.Http.PostAsJsonAsync("/api/channels/shop/exports", new { fields = new[] { "ChannelSku", "Title" } });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobUrl = started.Headers.Location!.ToString();
        await Eventually.HoldsAsync(async () => (await Json(await _app.Http.GetAsync(jobUrl))).GetProperty("status").GetString() == "succeeded", "the export finished");
        var file = (await Json(await _app.Http.GetAsync(jobUrl))).GetProperty("file");
        using var anonymous = new HttpClient();
        var linked = await anonymous.GetByteArrayAsync(file.GetProperty("downloadUrl").GetString());
        var streamed = await _app.Http.GetAsync(jobUrl + "/file");

        Assert.Equal(3, file.GetProperty("rows").GetInt64());
        Assert.Equal(linked, await streamed.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv; charset=utf-8", streamed.Content.Headers.ContentType!.ToString());
        Assert.Equal("\uFEFFChannelSku,Title\r\n'=1+1,formula\r\n\"a,b\",comma\r\nplain,plain\r\n", System.Text.Encoding.UTF8.GetString(linked));
    }

    [Fact]
    public async Task Request_files_dropped_into_blob_storage_are_delivered_by_the_host_a_bad_one_refused_without_holding_up_the_next()
    {
        await SeedAsync();
        var storage = ActivatorUtilities.GetServiceOrCreateInstance<AppStorage>(_app.Host.Services);
        var requests = storage.Container(AppStorage.ExportRequestsContainer);
        await requests.GetBlobClient("shop/broken.json").UploadAsync(BinaryData.FromString("{\"fields\": [\"Colour\"]"));
        await requests.GetBlobClient("shop/weekly.json").UploadAsync(BinaryData.FromString("{\"filter\":\"all\"}"));
        var exports = storage.Container(AppStorage.ExportsContainer);

        await Eventually.HoldsAsync(async () => (await exports.GetBlobClient("shop/weekly.csv").ExistsAsync()).Value, "the host delivered the request and the job wrote the file");

        var refused = JsonDocument.Parse((await exports.GetBlobClient("shop/broken.result.json").DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.False((await exports.GetBlobClient("shop/broken.csv").ExistsAsync()).Value);
        var result = JsonDocument.Parse((await exports.GetBlobClient("shop/weekly.result.json").DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal("started", result.GetProperty("status").GetString());
        // The file is committed in the job's completion step, just before the job is saved as succeeded.
        var jobUrl = result.GetProperty("job").GetString();
        await Eventually.HoldsAsync(async () => (await Json(await _app.Http.GetAsync(jobUrl))).GetProperty("status").GetString() == "succeeded", "the export finished");
        var job = await Json(await _app.Http.GetAsync(jobUrl));
        Assert.Equal(3, job.GetProperty("file").GetProperty("rows").GetInt64());
    }

    private async Task SeedAsync()
    {
        await _app.PutChannelAsync("shop");
        foreach (var (sku, title) in new[] { ("=1+1", "formula"), ("a,b", "comma"), ("plain", "plain") })
        {
            Assert.Equal(HttpStatusCode.Created, (await _app.Http.PostAsJsonAsync("/api/channels/shop/listings", new { sku, title })).StatusCode);
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
