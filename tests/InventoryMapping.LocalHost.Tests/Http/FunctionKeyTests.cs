using System.Net;

namespace InventoryMapping.LocalHost.Tests.Http;

public sealed class FunctionKeyTests : IAsyncLifetime
{
    private const string Key = "local-test-key";

    private SampleHost _host = null!;

    public async Task InitializeAsync() => _host = await SampleHost.StartAsync(functionKey: Key);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("api/items/1")]
    [InlineData("api/admin-only")]
    public async Task A_function_level_function_answers_401_without_the_key(string path)
    {
        var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_answers_401()
    {
        var response = await _host.Http.GetAsync($"api/items/1?code=wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_key_in_the_x_functions_key_header_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/items/1");
        request.Headers.Add("x-functions-key", Key);

        var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_key_in_the_code_query_parameter_is_accepted()
    {
        var response = await _host.Http.GetAsync($"api/items/1?code={Key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_function_never_asks_for_the_key()
    {
        var response = await _host.Http.GetAsync("api/greetings/ada");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
