using System.Net;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>CORS is off unless origins are configured, and then answers preflights for exactly those origins.</summary>
public sealed class CorsOverHttpTests
{
    [Fact]
    public async Task Without_configured_origins_a_cross_origin_preflight_gets_no_permission()
    {
        await using var app = await AppOverHttp.StartAsync();

        using var response = await app.Http.SendAsync(Preflight("https://ui.example.com"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_configured_origin_may_call_the_api_and_read_its_etag_and_another_may_not()
    {
        await using var app = await AppOverHttp.StartAsync(corsAllowedOrigins: "https://ui.example.com");

        using var allowed = await app.Http.SendAsync(Preflight("https://ui.example.com"));
        using var other = await app.Http.SendAsync(Preflight("https://evil.example.com"));
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/channels");
        get.Headers.Add("Origin", "https://ui.example.com");
        using var read = await app.Http.SendAsync(get);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://ui.example.com", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("ETag", string.Join(',', read.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/channels/shop");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,if-match,x-functions-key");
        return request;
    }
}
