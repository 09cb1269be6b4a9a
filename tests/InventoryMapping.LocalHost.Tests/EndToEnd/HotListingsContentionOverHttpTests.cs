using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>
/// Issue 10's contention re-test, over real HTTP: 1,200 link / relink / unlink / Ignore Sync requests at once on four
/// hot listings. No answer is a 5xx; a change that outlasts its conflict retries is a 409 with Retry-After; the
/// counts agree exactly with the listings afterwards.
/// </summary>
public sealed class HotListingsContentionOverHttpTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 1200;
    private static readonly string[] Hot = ["HOT-1", "HOT-2", "HOT-3", "HOT-4"];
    private AppOverHttp _app = null!;

    public async Task InitializeAsync() => _app = await AppOverHttp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Concurrent_changes_to_hot_listings_answer_no_5xx_and_leave_exact_counts()
    {
        await _app.PutChannelAsync("shop");
        foreach (var sku in Hot)
        {
            (await _app.Http.PostAsJsonAsync("/api/channels/shop/listings", new { sku, title = "t" })).EnsureSuccessStatusCode();
        }

        var items = new List<string>();
        foreach (var sku in new[] { "ITEM-A", "ITEM-B" })
        {
            var created = await _app.Http.PostAsJsonAsync("/api/inventory", new { sku, title = "t" });
            items.Add(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("itemId").GetString()!);
        }

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => SendAsync(i, items)));
        clock.Stop();

        var byStatus = answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"{Requests} requests in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", byStatus)}");
        Assert.DoesNotContain(answers, a => a.Status >= 500);
        Assert.All(answers, a => Assert.True(a.Status is 200 || (a.Status == 409 && a.RetryAfter), $"{a.Status} {a.Body}"));

        var linked = 0;
        foreach (var sku in Hot)
        {
            var listing = JsonDocument.Parse(await _app.Http.GetStringAsync($"/api/channels/shop/listings/{sku}")).RootElement;
            linked += listing.TryGetProperty("linkedItem", out _) ? 1 : 0;
        }

        var counts = JsonDocument.Parse(await _app.Http.GetStringAsync("/api/channels/shop/summary")).RootElement.GetProperty("counts");
        Assert.Equal(Hot.Length, counts.GetProperty("total").GetInt64());
        Assert.Equal(linked, counts.GetProperty("linked").GetInt64());
        Assert.Equal(Hot.Length - linked, counts.GetProperty("unlinked").GetInt64());
    }

    private async Task<(int Status, bool RetryAfter, string Body)> SendAsync(int i, IReadOnlyList<string> items)
    {
        var sku = Hot[i % Hot.Length];
        using var request = ((i / Hot.Length) % 4) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Put, $"/api/channels/shop/listings/{sku}/link") { Content = JsonContent.Create(new { itemId = items[0] }) },
            1 => new HttpRequestMessage(HttpMethod.Put, $"/api/channels/shop/listings/{sku}/link") { Content = JsonContent.Create(new { itemId = items[1] }) },
            2 => new HttpRequestMessage(HttpMethod.Delete, $"/api/channels/shop/listings/{sku}/link"),
            _ => new HttpRequestMessage(HttpMethod.Patch, $"/api/channels/shop/listings/{sku}")
            {
                Content = new StringContent($"{{\"ignoreSync\": {(i % 2 == 0 ? "true" : "false")}}}", Encoding.UTF8, "application/json"),
            },
        };
        using var response = await _app.Http.SendAsync(request);
        return ((int)response.StatusCode, response.Headers.RetryAfter is not null, await response.Content.ReadAsStringAsync());
    }
}
