using System.Net;
using System.Text;
using System.Text.Json;
using InventoryMapping.Testing;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>Issue 14 where the transport matters: the real app in the local host, over real HTTP.</summary>
public sealed class RequestLimitsOverHttpTests : IAsyncLifetime
{
    private AppOverHttp _app = null!;

    public async Task InitializeAsync() => _app = await AppOverHttp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem_and_creates_nothing()
    {
        using var response = await _app.PostChunkedAsync("/api/inventory", FiveMegabytesOfJson(), "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        var search = JsonDocument.Parse(await _app.Http.GetStringAsync("/api/inventory?q=A")).RootElement;
        Assert.Empty(search.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_a_413_problem()
    {
        using var content = new ByteArrayContent(new byte[(1 << 20) + 10]);
        content.Headers.ContentType = new("application/json");

        using var response = await _app.Http.PostAsync("/api/inventory", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_endpoint_answers_malformed_json_with_a_400_problem_and_no_stack_trace()
    {
        using var response = await _app.Http.PostAsync("/admin/functions/RunJob", new StringContent("{\"input\": ", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body", JsonDocument.Parse(body).RootElement.GetProperty("field").GetString());
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    /// <summary>A JSON string of 5 MB, produced as it is sent (no length known up front).</summary>
    private static GeneratedStream FiveMegabytesOfJson()
    {
        const long size = 5L << 20;
        return GeneratedStream.OfLength(size, at => at switch
        {
            0 => (byte)'{',
            < 9 => (byte)"\"sku\":\"A"[(int)at - 1],
            size - 2 => (byte)'"',
            size - 1 => (byte)'}',
            _ => (byte)'A',
        });
    }
}
