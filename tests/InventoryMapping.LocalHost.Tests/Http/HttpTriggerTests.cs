using System.Net;
using System.Net.Http.Json;
using InventoryMapping.LocalHost.SampleFunctions;

namespace InventoryMapping.LocalHost.Tests.Http;

public sealed class HttpTriggerTests : IAsyncLifetime
{
    private SampleHost _host = null!;

    public async Task InitializeAsync() => _host = await SampleHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Route_values_bind_to_parameters_by_name_and_an_IResult_is_executed()
    {
        var greeting = await _host.Http.GetFromJsonAsync<Greeting>("api/greetings/ada/3");

        Assert.Equal(new Greeting("ada", 3), greeting);
    }

    [Fact]
    public async Task An_optional_route_value_may_be_left_out()
    {
        var greeting = await _host.Http.GetFromJsonAsync<Greeting>("api/greetings/ada");

        Assert.Equal(new Greeting("ada", 1), greeting);
    }

    [Fact]
    public async Task A_route_constraint_that_does_not_match_answers_404()
    {
        var response = await _host.Http.GetAsync("api/items/not-a-number");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_method_the_function_does_not_accept_answers_405()
    {
        var response = await _host.Http.PostAsync("api/items/1", content: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task An_IActionResult_is_executed_for_each_method_the_function_accepts(string method)
    {
        var response = await _host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "api/items/42"));

        var item = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ItemView>();
        Assert.Equal(42, item!.Id);
        Assert.Equal(method, item.Method);
    }

    [Fact]
    public async Task Each_invocation_gets_its_own_service_scope()
    {
        var first = await _host.Http.GetFromJsonAsync<ItemView>("api/items/1");
        var second = await _host.Http.GetFromJsonAsync<ItemView>("api/items/1");

        Assert.NotEqual(first!.Scope, second!.Scope);
    }

    [Fact]
    public async Task A_ValueTask_result_and_a_guid_route_value_are_supported()
    {
        var id = Guid.NewGuid();

        var echoed = await _host.Http.GetFromJsonAsync<Guid>($"api/things/{id}");

        Assert.Equal(id, echoed);
    }

    [Fact]
    public async Task The_body_is_read_from_the_request_and_query_values_bind_to_parameters()
    {
        var response = await _host.Http.PostAsync("api/echo?suffix=!", new StringContent("hello"));

        Assert.Equal("hello!", await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_without_route_or_methods_answers_any_method_at_its_name()
    {
        var get = await _host.Http.GetStringAsync("api/Ping");
        var put = await _host.Http.PutAsync("api/Ping", content: null);

        Assert.Equal("pong", get);
        Assert.Equal("pong", await put.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_FunctionContext_parameter_gets_the_invocation_the_request_and_the_invocation_scope()
    {
        var view = await _host.Http.GetFromJsonAsync<ContextView>("api/context");

        Assert.Equal("Context", view!.FunctionName);
        Assert.False(string.IsNullOrEmpty(view.InvocationId));
        Assert.True(view.SameRequest);
        Assert.True(view.SameScope);
    }

    [Fact]
    public async Task The_HttpResult_property_of_a_multi_output_result_is_the_response()
    {
        var response = await _host.Http.PostAsync("api/accept/abc", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/accepted/abc", response.Headers.Location?.OriginalString);
        Assert.Equal("abc", await response.Content.ReadFromJsonAsync<string>());
    }

    [Fact]
    public async Task A_function_that_throws_answers_500()
    {
        var response = await _host.Http.GetAsync("api/fails");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
