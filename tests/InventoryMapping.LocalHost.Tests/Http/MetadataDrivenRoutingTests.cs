using System.Net;
using System.Text.RegularExpressions;

namespace InventoryMapping.LocalHost.Tests.Http;

/// <summary>
/// The host serves whatever functions.metadata lists: a function added to the sample app is served with no other
/// change, because this test enumerates the metadata rather than a list of its own.
/// </summary>
public sealed partial class MetadataDrivenRoutingTests
{
    [Fact]
    public async Task Every_http_trigger_in_the_metadata_is_served_on_its_route_and_methods()
    {
        await using var host = await SampleHost.StartAsync();
        var httpFunctions = host.Host.Functions.Where(f => f.Trigger?.Type == "httpTrigger").ToList();
        Assert.NotEmpty(httpFunctions);

        foreach (var function in httpFunctions)
        {
            var trigger = function.Trigger!;
            var path = "api/" + SampleRouteValues(trigger.GetString("route") ?? function.Name);
            var method = trigger.GetStrings("methods").FirstOrDefault() ?? "get";

            var response = await host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path));

            Assert.True(
                response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed),
                $"{function.Name}: {method} {path} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_function_in_the_metadata_runs()
    {
        await using var host = await SampleHost.StartAsync();

        Assert.Equal(host.Host.Functions.Select(f => f.Name), host.Host.RunningFunctions.Select(f => f.Name));
    }

    [Fact]
    public async Task An_output_binding_the_host_does_not_run_is_reported()
    {
        await using var host = await SampleHost.StartAsync();

        Assert.Contains("Accept: out binding 'queue' (Message) is ignored by the local host", host.Host.Warnings);
    }

    // Fills each {parameter} with a value its constraint accepts; optional ones are left out.
    private static string SampleRouteValues(string route) => RouteParameter().Replace(route, match =>
        match.Groups["optional"].Success ? string.Empty : match.Groups["constraint"].Value switch
        {
            "int" or "long" => "1",
            "guid" => Guid.Empty.ToString(),
            "bool" => "true",
            _ => "x",
        }).Replace("//", "/", StringComparison.Ordinal).TrimEnd('/');

    [GeneratedRegex(@"\{\*?(?<name>\w+)(:(?<constraint>\w+)[^}?]*)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();
}
