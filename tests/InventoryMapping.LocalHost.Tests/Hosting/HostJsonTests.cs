using InventoryMapping.LocalHost.Hosting;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.LocalHost.Tests.Hosting;

public sealed class HostJsonTests
{
    [Fact]
    public void Settings_come_from_the_function_apps_host_json()
    {
        var hostJson = HostJson.Load(SampleHost.FunctionsDirectory, new ConfigurationBuilder().Build());

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.Equal(3, hostJson.QueueMaxDequeueCount);
        Assert.Equal(2, hostJson.PoisonBlobThreshold);
    }

    [Fact]
    public void An_AzureFunctionsJobHost_app_setting_overrides_host_json()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:http:routePrefix"] = "",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "7",
        }).Build();

        var hostJson = HostJson.Load(SampleHost.FunctionsDirectory, settings);

        Assert.Equal(string.Empty, hostJson.RoutePrefix);
        Assert.Equal(7, hostJson.QueueMaxDequeueCount);
    }

    [Fact]
    public void Without_host_json_the_Functions_defaults_apply()
    {
        var hostJson = HostJson.Load(Path.GetTempPath(), new ConfigurationBuilder().Build());

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.Equal(5, hostJson.QueueMaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, hostJson.QueueVisibilityTimeout);
    }
}
