using System.Net;
using System.Text.Json;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>An exception nobody expected, through the app's worker middleware in the local host, over HTTP.</summary>
public sealed class UnexpectedErrorTests : IAsyncLifetime
{
    private AppOverHttp _app = null!;

    public async Task InitializeAsync() => _app = await AppOverHttp.StartAsync(createStorage: false);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_unexpected_exception_is_a_problem_500_with_a_trace_id_logged_with_the_invocation_id()
    {
        var response = await _app.Http.GetAsync("/api/channels");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.1", problem.GetProperty("type").GetString());
        var traceId = problem.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);

        var logged = Assert.Single(_app.Log.Lines, line => line.Contains("ListChannels failed unexpectedly", StringComparison.Ordinal));
        Assert.Contains("invocation ", logged, StringComparison.Ordinal);
        Assert.Contains(traceId!, logged, StringComparison.Ordinal);
        Assert.Contains("RequestFailedException", logged, StringComparison.Ordinal);
    }
}
