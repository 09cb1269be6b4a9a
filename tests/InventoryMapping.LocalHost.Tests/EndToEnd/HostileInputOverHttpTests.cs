using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryMapping.Testing;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>
/// Every operation of docs/openapi.json, on resources that exist, given what a client gets wrong: an unknown query
/// parameter (a typo must never turn a dry run into a real run) and, where a JSON body is taken, a body that is not
/// JSON, JSON of the wrong shape, or an unknown member. Each is refused with a 400 problem naming what is at fault, and
/// nothing answers 5xx. New operations are covered as they are added to the document.
/// </summary>
public sealed class HostileInputOverHttpTests(HostileInputOverHttpTests.World world) : IClassFixture<HostileInputOverHttpTests.World>
{
    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in OpenApiContract.Repository.Operations)
        {
            data.Add(method.ToUpperInvariant(), path);
        }

        return data;
    }

    public static TheoryData<string, string> OperationsTakingJson()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in OpenApiContract.Repository.Operations)
        {
            if (Operation(method, path)["requestBody"]?["content"]?["application/json"] is not null)
            {
                data.Add(method.ToUpperInvariant(), path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_unknown_query_parameter_is_400_naming_it(string method, string template)
    {
        var response = await world.SendAsync(method, template, "?dryRunn=true", Operation(method, template));

        await AssertRefusedAsync(response, "dryRunn");
    }

    [Theory]
    [MemberData(nameof(OperationsTakingJson))]
    public async Task A_body_that_is_not_JSON_is_400(string method, string template)
    {
        var response = await world.SendAsync(method, template, "", Operation(method, template), new StringContent("{\"sku\": ", Encoding.UTF8, "application/json"));

        await AssertRefusedAsync(response, named: null);
    }

    [Theory]
    [MemberData(nameof(OperationsTakingJson))]
    public async Task A_JSON_body_of_the_wrong_shape_is_400(string method, string template)
    {
        foreach (var body in new[] { "[]", "\"text\"", "42", "null" })
        {
            var response = await world.SendAsync(method, template, "", Operation(method, template), new StringContent(body, Encoding.UTF8, "application/json"));

            await AssertRefusedAsync(response, named: null);
        }
    }

    [Theory]
    [MemberData(nameof(OperationsTakingJson))]
    public async Task An_unknown_member_of_the_JSON_body_is_400_naming_it(string method, string template)
    {
        var response = await world.SendAsync(method, template, "", Operation(method, template), JsonContent.Create(new { dryRunn = true }));

        await AssertRefusedAsync(response, "dryRunn");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string? named)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (named is not null)
        {
            Assert.Contains(named, body, StringComparison.Ordinal);
        }
    }

    private static JsonObject Operation(string method, string template) =>
        OpenApiContract.Repository.Document["paths"]![template]![method.ToLowerInvariant()]!.AsObject();

    /// <summary>One app with a resource of every kind a route names, shared by every case.</summary>
    public sealed class World : IAsyncLifetime
    {
        private readonly Dictionary<string, string> _ids = [];
        private AppOverHttp _app = null!;

        public async Task InitializeAsync()
        {
            _app = await AppOverHttp.StartAsync();
            await _app.PutChannelAsync("shop");
            var listing = await _app.Http.PostAsJsonAsync("/api/channels/shop/listings", new { sku = "Lamp-1", title = "Lamp" });
            listing.EnsureSuccessStatusCode();
            var item = await _app.Http.PostAsJsonAsync("/api/inventory", new { sku = "LAMP-1", title = "Lamp" });
            item.EnsureSuccessStatusCode();
            var job = await _app.Http.PostAsync("/api/channels/shop/link-all-by-sku?dryRun=true", null);
            job.EnsureSuccessStatusCode();
            var locations = await _app.Http.GetFromJsonAsync<JsonElement>("/api/locations");
            _ids["channelId"] = "shop";
            _ids["listingId"] = (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("listingId").GetString()!;
            _ids["itemId"] = (await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemId").GetString()!;
            _ids["jobId"] = (await job.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
            _ids["locationId"] = Items(locations)[0].GetProperty("locationId").GetString()!;
            _ids["requestId"] = "2518334738483999999abc123";
        }

        public async Task DisposeAsync() => await _app.DisposeAsync();

        /// <summary>
        /// Sends the operation with its path filled in and every required header and query parameter it declares
        /// given a valid value, so that only what the test adds is wrong.
        /// </summary>
        public Task<HttpResponseMessage> SendAsync(string method, string template, string query, JsonObject operation, HttpContent? content = null)
        {
            var path = template;
            foreach (var (name, value) in _ids)
            {
                path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }

            var request = new HttpRequestMessage(new HttpMethod(method), "/api" + path + query) { Content = content };
            foreach (var parameter in Parameters(operation))
            {
                if (parameter["in"]?.GetValue<string>() == "header" && parameter["name"]?.GetValue<string>() is { } header)
                {
                    request.Headers.TryAddWithoutValidation(header, "*");
                }
            }

            return _app.Http.SendAsync(request);
        }

        private static JsonElement[] Items(JsonElement page) =>
            page.ValueKind == JsonValueKind.Array ? [.. page.EnumerateArray()] : [.. page.GetProperty("items").EnumerateArray()];

        private static IEnumerable<JsonObject> Parameters(JsonObject operation) =>
            (operation["parameters"]?.AsArray() ?? []).Select(p => Resolve(p!.AsObject()));

        private static JsonObject Resolve(JsonObject node) =>
            node["$ref"]?.GetValue<string>() is { } reference
                ? Resolve(OpenApiContract.Repository.Document["components"]![reference.Split('/')[^2]]![reference.Split('/')[^1]]!.AsObject())
                : node;
    }
}
