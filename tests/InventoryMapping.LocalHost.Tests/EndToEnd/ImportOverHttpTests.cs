using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InventoryMapping.Storage;
using InventoryMapping.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>CSV imports through the local host: uploads over real HTTP with their own limit, and files dropped into the container picked up by its blob trigger listener.</summary>
public sealed class ImportOverHttpTests : IAsyncLifetime
{
    private const long Limit = 2L << 20;

    private AppOverHttp _app = null!;

    public async Task InitializeAsync() =>
        _app = await AppOverHttp.StartAsync(settings: new Dictionary<string, string?> { ["Imports:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_chunked_upload_over_the_csv_limit_is_a_413_problem_and_stores_nothing()
    {
        await SeedAsync();
        using var response = await _app.PostChunkedAsync("/api/channels/shop/imports?name=big", Rows(Limit + (1 << 20)), "text/csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        Assert.False(await Imports.GetBlobClient("shop/big.csv").ExistsAsync());
    }

    [Fact]
    public async Task An_upload_above_the_json_limit_but_within_the_csv_limit_imports()
    {
        await SeedAsync();
        using var response = await _app.PostChunkedAsync("/api/channels/shop/imports?name=bulk&onError=skip", Rows(Limit - 1000), "text/csv");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await FinishedAsync(response.Headers.Location!.ToString());
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("result").GetProperty("applied").GetInt64());
        Assert.Equal("imports/shop/bulk.csv", job.GetProperty("import").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_multipart_upload_takes_its_mapping_part()
    {
        await SeedAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"columns": {"Listing": "ChannelSku", "Product": "LinkedItemSku"}}"""), "mapping" },
            { new StringContent("Listing,Product\nA,item-a\n"), "file", "mine.csv" },
        };

        using var response = await _app.Http.PostAsync("/api/channels/shop/imports?name=multi", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await FinishedAsync(response.Headers.Location!.ToString());
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("result").GetProperty("applied").GetInt64());
    }

    [Fact]
    public async Task Bad_options_are_400_problems_naming_the_parameter()
    {
        await SeedAsync();
        foreach (var (query, field) in new[] { ("onError=ignore", "onError"), ("dry_run=true", "dry_run"), ("name=../x", "name"), ("mapping={", "mapping") })
        {
            using var response = await _app.Http.PostAsync($"/api/channels/shop/imports?{query}", new StringContent("ChannelSku,LinkedItemSku\nA,item-a\n"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(field, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        }

        using var unknown = await _app.Http.PostAsync("/api/channels/nope/imports", new StringContent("ChannelSku,LinkedItemSku\nA,item-a\n"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_dropped_file_is_imported_by_the_blob_trigger_once_with_its_result_next_to_it()
    {
        await SeedAsync();
        await Imports.GetBlobClient("shop/dropped.csv").UploadAsync(BinaryData.FromString("ChannelSku,LinkedItemSku\nA,item-a\n"));

        var results = _app.Host.Services.GetRequiredService<AppStorage>().Container(AppStorage.ImportResultsContainer);
        string? resultName = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                await foreach (var blob in results.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "shop/dropped.", default))
                {
                    if (blob.Name.EndsWith(".result.json", StringComparison.Ordinal))
                    {
                        resultName = blob.Name;
                    }
                }

                return resultName is not null;
            },
            "the import's result document is written");
        var result = JsonDocument.Parse((await results.GetBlobClient(resultName).DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal(1, result.GetProperty("counts").GetProperty("applied").GetInt64());
        var listing = JsonDocument.Parse(await _app.Http.GetStringAsync("/api/channels/shop/listings/A")).RootElement;
        Assert.True(listing.TryGetProperty("linkedItem", out _));
        Assert.True(await Imports.GetBlobClient("shop/dropped.csv").ExistsAsync(), "the import file is kept");
    }

    private Azure.Storage.Blobs.BlobContainerClient Imports => _app.Host.Services.GetRequiredService<AppStorage>().Container(AppStorage.ImportsContainer);

    private async Task SeedAsync()
    {
        (await _app.Http.PutAsJsonAsync("/api/channels/shop", new { accountId = "A1", accountName = "Shop", region = "EU", marketplaceIds = new[] { "A1F83G8C2ARO7P" } })).EnsureSuccessStatusCode();
        (await _app.Http.PostAsJsonAsync("/api/channels/shop/listings", new { sku = "A", title = "A" })).EnsureSuccessStatusCode();
        (await _app.Http.PostAsJsonAsync("/api/inventory", new { sku = "item-a", title = "Item" })).EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> FinishedAsync(string jobUrl)
    {
        JsonElement job = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                job = JsonDocument.Parse(await _app.Http.GetStringAsync(jobUrl)).RootElement;
                return job.GetProperty("status").GetString() is "succeeded" or "failed";
            },
            "the import job finishes");
        return job;
    }

    /// <summary>A CSV of <paramref name="size"/> bytes produced as it is sent: one real row, then rows of unknown listings padded by an ignored column.</summary>
    private static GeneratedStream Rows(long size)
    {
        var head = Encoding.UTF8.GetBytes("ChannelSku,LinkedItemSku,Notes\nA,item-a,\n");
        var row = Encoding.UTF8.GetBytes("unknown-sku,item-a," + new string('x', 1000) + "\n");
        return GeneratedStream.OfLength(size, position =>
            position < head.Length ? head[position] : position >= size - 1 ? (byte)'\n' : row[(position - head.Length) % row.Length]);
    }
}
