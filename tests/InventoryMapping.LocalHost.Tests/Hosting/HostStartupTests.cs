using System.Net;
using InventoryMapping.LocalHost.Hosting;
using InventoryMapping.LocalHost.SampleFunctions;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.LocalHost.Tests.Hosting;

public sealed class HostStartupTests
{
    [Fact]
    public async Task A_trigger_setting_that_is_not_configured_stops_the_host_from_starting()
    {
        var settings = (await SampleSettings.CreateAsync()).ToConfiguration();
        settings.Remove("SampleQueue");
        await using var host = LocalFunctionsHost.Create(
            new LocalFunctionsHostOptions { FunctionsDirectory = SampleHost.FunctionsDirectory, Port = 0 },
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            (services, _) => services.AddSampleServices());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("'SampleQueue'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_disabled_by_setting_is_not_served()
    {
        var settings = await SampleSettings.CreateAsync();
        await using var host = await SampleHost.StartAsync(settings with { Extra = new() { ["AzureWebJobs.Ping.Disabled"] = "true" } });

        var response = await host.Http.GetAsync("api/Ping");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Ping", host.Host.RunningFunctions.Select(f => f.Name));
        Assert.Contains("Ping", host.Host.Functions.Select(f => f.Name));
    }

    [Fact]
    public async Task Command_line_arguments_configure_the_host_and_the_app_settings()
    {
        var settings = await SampleSettings.CreateAsync();
        string[] args =
        [
            $"--LocalHost:FunctionsDirectory={SampleHost.FunctionsDirectory}",
            "--LocalHost:Port=0",
            "--LocalHost:FunctionKey=from-the-command-line",
            .. settings.ToConfiguration().Select(setting => $"--{setting.Key}={setting.Value}"),
        ];
        await using var host = LocalFunctionsHost.Create(args, (services, _) => services.AddSampleServices());
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var withoutKey = await http.GetAsync("api/items/1");
        var withKey = await http.GetAsync("api/items/1?code=from-the-command-line");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        await host.StopAsync();
    }

    [Fact]
    public void A_folder_without_functions_metadata_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalFunctionsHost.Create(
            new LocalFunctionsHostOptions { FunctionsDirectory = Path.GetTempPath(), Port = 0 },
            new ConfigurationBuilder().Build(),
            (_, _) => { }));

        Assert.Contains("functions.metadata", error.Message, StringComparison.Ordinal);
    }
}
