using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>Issue 10: what GET returns PUT accepts, one text per answer, job objects in full; issue 14: health shows unresolved reservations.</summary>
public sealed class ApiConsistencyOverHttpTests : IAsyncLifetime
{
    private AppOverHttp _app = null!;

    public async Task InitializeAsync() => _app = await AppOverHttp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_channels_GET_body_put_back_without_its_read_only_fields_changes_nothing()
    {
        await JsonAsync(await _app.Http.PutAsJsonAsync("/api/channels/shop", new
        {
            accountId = "A1SELLER", accountName = "Shop", region = "FE", marketplaceIds = new[] { "A1VC38T7YXB528" }, autoLinkBySku = true, listingsRefreshMinutes = 90,
        }));
        var read = JsonNode.Parse(await _app.Http.GetStringAsync("/api/channels/shop"))!.AsObject();
        foreach (var readOnly in new[] { "channelId", "eTag", "updatedAt" })
        {
            read.Remove(readOnly);
        }

        var put = await JsonAsync(await _app.Http.PutAsync("/api/channels/shop", new StringContent(read.ToJsonString(), Encoding.UTF8, "application/json")));

        Assert.Equal("FE", read["region"]!.GetValue<string>());
        Assert.Equal(90, read["listingsRefreshMinutes"]!.GetValue<int>());
        foreach (var (name, value) in read)
        {
            Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(put.GetProperty(name).GetRawText())), $"{name}: {value?.ToJsonString()} became {put.GetProperty(name)}");
        }
    }

    [Fact]
    public async Task A_duplicate_SKU_is_409_naming_the_item_and_its_SKU_as_stored()
    {
        var first = await JsonAsync(await _app.Http.PostAsJsonAsync("/api/inventory", new { sku = "Teapot-1", title = "t" }));
        var other = await JsonAsync(await _app.Http.PostAsJsonAsync("/api/inventory", new { sku = "Cup-1", title = "t" }));

        var created = await _app.Http.PostAsJsonAsync("/api/inventory", new { sku = "TEAPOT-1", title = "t" });
        var renamed = await _app.Http.PatchAsync(
            $"/api/inventory/{other.GetProperty("itemId").GetString()}", new StringContent("""{"sku": "teapot-1"}""", Encoding.UTF8, "application/merge-patch+json"));

        foreach (var response in new[] { created, renamed })
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("sku", problem.GetProperty("field").GetString());
            Assert.Equal(
                $"Item '{first.GetProperty("itemId").GetString()}' already has SKU 'Teapot-1' (SKUs are unique ignoring case).",
                problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Every_counter_of_a_job_is_there_even_when_0_and_match_only_on_Link_All()
    {
        await _app.PutChannelAsync("shop");

        var linkAll = await FinishedAsync(await _app.Http.PostAsync("/api/channels/shop/link-all-by-sku?dryRun=true&match=normalized", null));
        var createAll = await FinishedAsync(await _app.Http.PostAsync("/api/channels/shop/create-all?dryRun=true", null));

        Assert.Equal("normalized", linkAll.GetProperty("match").GetString());
        Assert.Equal(["ambiguous", "changedMeanwhile", "linked", "noMatch"], Counters(linkAll));
        Assert.False(createAll.TryGetProperty("match", out _));
        Assert.Equal(["changedMeanwhile", "created", "skuExists"], Counters(createAll));
    }

    [Fact]
    public async Task Health_shows_the_reservations_the_latest_sweep_left_unresolved()
    {
        Assert.False((await JsonAsync(await _app.Http.GetAsync("/api/health"))).TryGetProperty("reservations", out _));

        (await _app.Http.PostAsJsonAsync("/admin/functions/SweepReservations", new { })).EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(
            async () => (await JsonAsync(await _app.Http.GetAsync("/api/health"))).TryGetProperty("reservations", out _), "a sweep finished");
        var reservations = (await JsonAsync(await _app.Http.GetAsync("/api/health"))).GetProperty("reservations");
        Assert.Equal(0, reservations.GetProperty("unresolved").GetInt64());
        var sweep = await JsonAsync(await _app.Http.GetAsync($"/api/jobs/{reservations.GetProperty("jobId").GetString()}"));
        Assert.Equal("sweepReservations", sweep.GetProperty("kind").GetString());
    }

    private static string[] Counters(JsonElement job) => job.GetProperty("result").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();

    private async Task<JsonElement> FinishedAsync(HttpResponseMessage started)
    {
        var url = started.Headers.Location!.ToString();
        await JsonAsync(started);
        await Eventually.HoldsAsync(async () => (await JsonAsync(await _app.Http.GetAsync(url))).GetProperty("status").GetString() == "succeeded", "the job finished");
        return await JsonAsync(await _app.Http.GetAsync(url));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
