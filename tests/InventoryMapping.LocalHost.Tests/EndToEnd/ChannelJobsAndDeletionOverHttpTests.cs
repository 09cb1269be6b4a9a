using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>Issue 10: a channel's jobs newest first, paged; deleting a channel as bulk work that touches nothing else; over real HTTP.</summary>
public sealed class ChannelJobsAndDeletionOverHttpTests : IAsyncLifetime
{
    private AppOverHttp _app = null!;

    public async Task InitializeAsync() => _app = await AppOverHttp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_channels_jobs_come_newest_first_page_by_page_and_only_its_own()
    {
        await PutChannelAsync("shop");
        await PutChannelAsync("other");
        var started = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            started.Add((await JsonAsync(await _app.Http.PostAsync("/api/channels/shop/link-all-by-sku?dryRun=true", null))).GetProperty("jobId").GetString()!);
        }

        await JsonAsync(await _app.Http.PostAsync("/api/channels/other/create-all?dryRun=true", null));

        var first = await JsonAsync(await _app.Http.GetAsync("/api/channels/shop/jobs?pageSize=2"));
        var token = first.GetProperty("continuationToken").GetString()!;
        var second = await JsonAsync(await _app.Http.GetAsync("/api/channels/shop/jobs?pageSize=2&continuationToken=" + Uri.EscapeDataString(token)));
        var foreign = await _app.Http.GetAsync("/api/channels/other/jobs?continuationToken=" + Uri.EscapeDataString(token));

        var listed = first.GetProperty("jobs").EnumerateArray().Concat(second.GetProperty("jobs").EnumerateArray()).Select(j => j.GetProperty("jobId").GetString()).ToList();
        Assert.Equal(Enumerable.Reverse(started), listed);
        Assert.False(second.TryGetProperty("continuationToken", out _));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.GetAsync("/api/channels/nowhere/jobs")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_channel_removes_its_listings_by_a_job_and_nothing_else()
    {
        await PutChannelAsync("shop");
        await PutChannelAsync("other");
        for (var i = 0; i < 150; i++)
        {
            await JsonAsync(await _app.Http.PostAsJsonAsync("/api/channels/shop/listings", new { sku = $"SKU-{i}", title = "t" }));
        }

        await JsonAsync(await _app.Http.PostAsJsonAsync("/api/channels/other/listings", new { sku = "SKU-1", title = "t" }));
        var item = (await JsonAsync(await _app.Http.PostAsJsonAsync("/api/inventory", new { sku = "SKU-1", title = "t" }))).GetProperty("itemId").GetString();
        await JsonAsync(await _app.Http.PutAsJsonAsync("/api/channels/shop/listings/SKU-1/link", new { itemId = item }));
        await JsonAsync(await _app.Http.PostAsync("/api/channels/shop/report-requests", null));

        var deleting = await _app.Http.DeleteAsync("/api/channels/shop");
        var job = await JsonAsync(deleting);

        Assert.Equal(HttpStatusCode.Accepted, deleting.StatusCode);
        Assert.Equal("deleteChannel", job.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.GetAsync("/api/channels/shop")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.GetAsync("/api/channels/shop/summary")).StatusCode);
        Assert.DoesNotContain("shop", (await JsonAsync(await _app.Http.GetAsync("/api/channels"))).EnumerateArray().Select(c => c.GetProperty("channelId").GetString()));
        var jobUrl = deleting.Headers.Location!.ToString();
        await Eventually.HoldsAsync(async () => (await JsonAsync(await _app.Http.GetAsync(jobUrl))).GetProperty("status").GetString() == "succeeded", "the deletion job finished");
        var done = await JsonAsync(await _app.Http.GetAsync(jobUrl));
        Assert.Equal(150, done.GetProperty("result").GetProperty("listingsRemoved").GetInt64());
        Assert.Equal(1, done.GetProperty("result").GetProperty("reportRequestsRemoved").GetInt64());

        // The id is free again, and a new channel of that id starts empty.
        await PutChannelAsync("shop");
        Assert.Empty((await JsonAsync(await _app.Http.GetAsync("/api/channels/shop/listings"))).GetProperty("listings").EnumerateArray());
        Assert.Equal(0, (await JsonAsync(await _app.Http.GetAsync("/api/channels/shop/summary"))).GetProperty("counts").GetProperty("total").GetInt64());
        Assert.Empty((await JsonAsync(await _app.Http.GetAsync("/api/channels/shop/jobs"))).GetProperty("jobs").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.GetAsync("/api/channels/shop/report-requests/latest")).StatusCode);
        // Nothing else changed.
        Assert.Equal(HttpStatusCode.OK, (await _app.Http.GetAsync($"/api/inventory/{item}")).StatusCode);
        Assert.Equal(1, (await JsonAsync(await _app.Http.GetAsync("/api/channels/other/summary"))).GetProperty("counts").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Deleting_a_channel_again_answers_its_deletion_job_and_an_unknown_one_is_404()
    {
        await PutChannelAsync("shop");

        var first = await JsonAsync(await _app.Http.DeleteAsync("/api/channels/shop"));
        var again = await _app.Http.DeleteAsync("/api/channels/shop");

        Assert.True(again.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.NotFound, $"{(int)again.StatusCode}");
        if (again.StatusCode == HttpStatusCode.Accepted)
        {
            Assert.Equal(first.GetProperty("jobId").GetString(), (await JsonAsync(again)).GetProperty("jobId").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.DeleteAsync("/api/channels/never-was")).StatusCode);
    }

    private async Task PutChannelAsync(string channelId) =>
        await JsonAsync(await _app.Http.PutAsJsonAsync($"/api/channels/{channelId}", new
        {
            accountId = "A1SELLER", accountName = "Shop", region = "EU", marketplaceIds = new[] { "A1F83G8C2ARO7P" },
        }));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
