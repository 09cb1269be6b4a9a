using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>Issue 10: PUT on an item is a full replace, PATCH a JSON merge patch; both under If-Match, over real HTTP.</summary>
public sealed class ItemEditsOverHttpTests : IAsyncLifetime
{
    private AppOverHttp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await AppOverHttp.StartAsync();
        (await _app.Http.PutAsJsonAsync("/api/locations/back-room", new { name = "Back room" })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Put_is_a_full_replace_whose_left_out_fields_take_their_defaults_stock_levels_included()
    {
        var item = await CreateAsync();

        var replaced = await JsonOf(await _app.Http.PutAsJsonAsync($"/api/inventory/{item}", new { sku = "TEA-1", title = "Teapot, blue" }));

        Assert.Equal("Teapot, blue", replaced["title"]!.GetValue<string>());
        Assert.Equal(0m, replaced["retailPrice"]!.GetValue<decimal>());
        Assert.Equal(-1m, replaced["taxRate"]!.GetValue<decimal>());
        Assert.Equal("", replaced["description"]!.GetValue<string>());
        Assert.Empty(replaced["stockLevels"]!.AsObject());
    }

    [Fact]
    public async Task Patch_changes_the_fields_it_names_resets_nulls_and_merges_stock_levels()
    {
        var item = await CreateAsync();

        var patched = await JsonOf(await PatchAsync(item, """{"title": "Teapot, green", "description": null, "stockLevels": {"default": 7, "back-room": null}}"""));

        Assert.Equal("TEA-1", patched["sku"]!.GetValue<string>());
        Assert.Equal("Teapot, green", patched["title"]!.GetValue<string>());
        Assert.Equal(12.5m, patched["retailPrice"]!.GetValue<decimal>());
        Assert.Equal("", patched["description"]!.GetValue<string>());
        Assert.Equal("""{"default":7}""", patched["stockLevels"]!.ToJsonString());
        Assert.Equal(patched["eTag"]!.GetValue<string>(), (await _app.Http.GetAsync($"/api/inventory/{item}")).Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Patch_under_a_stale_If_Match_is_412_and_under_the_current_one_applies()
    {
        var item = await CreateAsync();
        var read = await _app.Http.GetAsync($"/api/inventory/{item}");
        var etag = read.Headers.ETag!.ToString();
        await JsonOf(await PatchAsync(item, """{"weight": 2}"""));

        var stale = await PatchAsync(item, """{"weight": 3}""", etag);
        var current = await _app.Http.GetAsync($"/api/inventory/{item}");
        var fresh = await JsonOf(await PatchAsync(item, """{"weight": 3}""", current.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(3m, fresh["weight"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("""{"weight": "2"}""", "weight")]
    [InlineData("""{"stockLevels": {"default": -1}}""", "stockLevels.default")]
    [InlineData("""{"stockLevels": {"nowhere": 1}}""", "stockLevels.nowhere")]
    [InlineData("""{"eTag": "x"}""", "eTag")]
    [InlineData("""{"sku": null}""", "sku")]
    [InlineData("""[1]""", "body")]
    [InlineData("""{"title": """, "body")]
    public async Task A_bad_patch_is_400_naming_the_field_and_changes_nothing(string patch, string field)
    {
        var item = await CreateAsync();
        var before = await _app.Http.GetStringAsync($"/api/inventory/{item}");

        var response = await PatchAsync(item, patch);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal(field, JsonDocument.Parse(body).RootElement.GetProperty("field").GetString());
        Assert.Equal(before, await _app.Http.GetStringAsync($"/api/inventory/{item}"));
    }

    [Fact]
    public async Task An_items_GET_body_put_back_without_its_read_only_fields_changes_nothing()
    {
        var item = await CreateAsync();
        var read = JsonNode.Parse(await _app.Http.GetStringAsync($"/api/inventory/{item}"))!.AsObject();
        foreach (var readOnly in new[] { "itemId", "eTag", "createdAt", "updatedAt" })
        {
            read.Remove(readOnly);
        }

        var put = await JsonOf(await _app.Http.PutAsync($"/api/inventory/{item}", new StringContent(read.ToJsonString(), Encoding.UTF8, "application/json")));

        foreach (var (name, value) in read)
        {
            Assert.True(JsonNode.DeepEquals(value, put[name]), $"{name}: {value?.ToJsonString()} became {put[name]?.ToJsonString()}");
        }
    }

    private async Task<string> CreateAsync()
    {
        var created = await JsonOf(await _app.Http.PostAsJsonAsync("/api/inventory", new
        {
            sku = "TEA-1",
            title = "Teapot",
            retailPrice = 12.5m,
            description = "Porcelain",
            taxRate = 20,
            stockLevels = new Dictionary<string, int> { ["default"] = 3, ["back-room"] = 4 },
        }));
        return created["itemId"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> PatchAsync(string itemId, string patch, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/inventory/{itemId}")
        {
            Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _app.Http.SendAsync(request);
    }

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
