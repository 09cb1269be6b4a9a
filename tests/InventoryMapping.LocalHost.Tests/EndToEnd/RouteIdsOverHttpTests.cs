using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryMapping.Testing;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>Issue 10: a malformed id is 400 naming its route parameter, a well-formed unknown one 404, through real routing.</summary>
public sealed class RouteIdsOverHttpTests : IAsyncLifetime
{
    private const string UnknownItem = "0123456789abcdef";
    private const string UnknownJob = "0123456789abcdef0123456789abcdef";
    private const string UnknownRequest = "2518334738483999999abc123";
    private AppOverHttp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await AppOverHttp.StartAsync();
        await _app.PutChannelAsync("shop");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "GET", "/api/inventory/XYZ", "itemId" },
        { "GET", "/api/inventory/0123456789ABCDEF", "itemId" },
        { "DELETE", "/api/inventory/123", "itemId" },
        { "PUT", "/api/inventory/0123456789abcde/stock/default", "itemId" },
        { "PUT", $"/api/inventory/{UnknownItem}/stock/Back_Room", "locationId" },
        { "GET", "/api/jobs/abc", "jobId" },
        { "GET", $"/api/jobs/{UnknownJob.ToUpperInvariant()}/reported", "jobId" },
        { "GET", "/api/channels/Shop", "channelId" },
        { "GET", "/api/channels/-shop/summary", "channelId" },
        { "POST", "/api/channels/shop_1/link-all-by-sku", "channelId" },
        { "GET", "/api/channels/shop/listings/a~2", "listingId" },
        { "GET", "/api/channels/shop/listings/~41", "listingId" },
        { "DELETE", "/api/channels/shop/listings/a~zz/link", "listingId" },
        { "GET", "/api/channels/shop/listings/" + new string('A', 41), "listingId" },
        { "GET", "/api/locations/Back%20Room", "locationId" },
        { "POST", "/api/channels/shop/report-requests/!slot:listingsReport/confirm", "requestId" },
    };

    public static TheoryData<string, string> Unknown => new()
    {
        { "GET", $"/api/inventory/{UnknownItem}" },
        { "DELETE", $"/api/inventory/{UnknownItem}" },
        { "GET", $"/api/jobs/{UnknownJob}" },
        { "GET", $"/api/jobs/{UnknownJob}/reported" },
        { "GET", "/api/channels/no-such-shop" },
        { "GET", "/api/channels/shop/listings/NO~2FSUCH" },
        { "GET", "/api/locations/back-room" },
        { "POST", $"/api/channels/shop/report-requests/{UnknownRequest}/confirm" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_id_is_400_naming_its_route_parameter(string method, string path, string parameter)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(new { level = 1 });
        }

        using var response = await _app.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal(parameter, JsonDocument.Parse(body).RootElement.GetProperty("field").GetString());
    }

    [Theory]
    [MemberData(nameof(Unknown))]
    public async Task A_well_formed_id_that_names_nothing_is_404(string method, string path)
    {
        using var response = await _app.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_with_the_function_key_as_it_is_in_the_repository()
    {
        using var anonymous = new HttpClient { BaseAddress = _app.Host.BaseAddress };

        Assert.Equal(File.ReadAllText(OpenApiContract.DocumentPath), await _app.Http.GetStringAsync("/api/openapi.json"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/openapi.json")).StatusCode);
    }
}
