using System.Net;

namespace InventoryMapping.LocalHost.Tests.Http;

public sealed class NoFunctionKeyTests
{
    [Fact]
    public async Task Without_a_configured_key_function_level_functions_are_open()
    {
        await using var host = await SampleHost.StartAsync(functionKey: null);

        var response = await host.Http.GetAsync("api/items/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
