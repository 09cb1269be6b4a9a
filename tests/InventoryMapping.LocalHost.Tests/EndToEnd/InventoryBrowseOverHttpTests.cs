using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>Issue 10: the inventory without q, paged by SKU (ignoring case), its tokens bound to browsing; over real HTTP.</summary>
public sealed class InventoryBrowseOverHttpTests : IAsyncLifetime
{
    private static readonly string[] Skus = ["b-2", "A-1", "c-3", "a-0", "B-1", "Z", "m~7"];
    private AppOverHttp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await AppOverHttp.StartAsync();
        foreach (var sku in Skus)
        {
            (await _app.Http.PostAsJsonAsync("/api/inventory", new { sku, title = "Item " + sku })).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Without_q_every_item_comes_once_in_SKU_order_ignoring_case_page_by_page()
    {
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await GetAsync("/api/inventory?pageSize=3" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, i => Assert.False(i.TryGetProperty("match", out _)));
            seen.AddRange(items.Select(i => i.GetProperty("sku").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
            Assert.True(token is null || items.Count == 3, "pages are full until the last");
        }
        while (token is not null);

        Assert.Equal(Skus.OrderBy(s => s.ToUpperInvariant(), StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task A_search_token_does_not_browse_and_a_browse_token_does_not_search()
    {
        var search = await GetAsync("/api/inventory?q=a&pageSize=1");
        var browse = await GetAsync("/api/inventory?pageSize=1");

        var searchTokenBrowsing = await _app.Http.GetAsync("/api/inventory?continuationToken=" + Uri.EscapeDataString(search.GetProperty("continuationToken").GetString()!));
        var browseTokenSearching = await _app.Http.GetAsync("/api/inventory?q=a&continuationToken=" + Uri.EscapeDataString(browse.GetProperty("continuationToken").GetString()!));

        foreach (var response in new[] { searchTokenBrowsing, browseTokenSearching })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("continuationToken", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _app.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
