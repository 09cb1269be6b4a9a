using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryMapping.LocalHost.SampleFunctions;

namespace InventoryMapping.LocalHost.Tests.Admin;

public sealed class AdminEndpointTests : IAsyncLifetime
{
    private SampleHost _host = null!;

    public async Task InitializeAsync() => _host = await SampleHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_timer_function_runs_on_request()
    {
        var response = await _host.Http.PostAsJsonAsync("admin/functions/Tick", new { });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(() => _host.Log.Of("Tick").Count == 1, "the timer function ran");
    }

    [Fact]
    public async Task A_queue_function_runs_on_request_with_the_input_as_its_message()
    {
        var input = JsonSerializer.Serialize(new SampleMessage("by hand", Fail: false));

        var response = await _host.Http.PostAsJsonAsync("admin/functions/Queued", new { input });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(() => _host.Log.Of("Queued").Count == 1, "the queue function ran");
        Assert.Equal("by hand|by hand|1", _host.Log.Of("Queued")[0].Detail);
    }

    [Theory]
    [InlineData("admin/functions/NoSuchFunction", HttpStatusCode.NotFound)]
    [InlineData("admin/functions/Greeting", HttpStatusCode.BadRequest)]
    public async Task Only_non_http_functions_of_the_app_can_be_run_on_request(string path, HttpStatusCode expected)
    {
        var response = await _host.Http.PostAsJsonAsync(path, new { });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Running_a_function_on_request_needs_the_key_when_one_is_set()
    {
        await using var host = await SampleHost.StartAsync(functionKey: "admin-key");

        var without = await host.Http.PostAsJsonAsync("admin/functions/Tick", new { });
        var with = await host.Http.PostAsJsonAsync("admin/functions/Tick?code=admin-key", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, with.StatusCode);
    }
}
