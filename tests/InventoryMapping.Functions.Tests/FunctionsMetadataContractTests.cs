using System.Text.Json;
using InventoryMapping.Testing;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// The generated functions.metadata is what the Azure host reads: every route, method, auth level and trigger of
/// the API must be in it exactly as documented in docs/api.md.
/// </summary>
public sealed class FunctionsMetadataContractTests
{
    public static TheoryData<string, string, string> HttpFunctions => new()
    {
        { "ListChannels", "get", "channels" },
        { "GetChannel", "get", "channels/{channelId}" },
        { "PutChannel", "put", "channels/{channelId}" },
        { "GetChannelSummary", "get", "channels/{channelId}/summary" },
        { "GetListings", "get", "channels/{channelId}/listings" },
        { "PutListing", "post", "channels/{channelId}/listings" },
        { "GetListing", "get", "channels/{channelId}/listings/{listingId}" },
        { "PatchListing", "patch", "channels/{channelId}/listings/{listingId}" },
        { "PutListingLink", "put", "channels/{channelId}/listings/{listingId}/link" },
        { "DeleteListingLink", "delete", "channels/{channelId}/listings/{listingId}/link" },
        { "CreateItemFromListing", "post", "channels/{channelId}/listings/{listingId}/create-item" },
        { "StartLinkAllBySku", "post", "channels/{channelId}/link-all-by-sku" },
        { "StartCreateAll", "post", "channels/{channelId}/create-all" },
        { "GetJob", "get", "jobs/{jobId}" },
        { "GetJobReported", "get", "jobs/{jobId}/reported" },
        { "SearchInventory", "get", "inventory" },
        { "CreateItem", "post", "inventory" },
        { "GetItem", "get", "inventory/{itemId}" },
        { "PutItem", "put", "inventory/{itemId}" },
        { "DeleteItem", "delete", "inventory/{itemId}" },
        { "PutItemStock", "put", "inventory/{itemId}/stock/{locationId}" },
        { "GetLocation", "get", "locations/{locationId}" },
        { "ListLocations", "get", "locations" },
        { "PutLocation", "put", "locations/{locationId}" },
        { "GetSettings", "get", "settings" },
        { "PutSettings", "put", "settings" },
        { "RequestListingReport", "post", "channels/{channelId}/report-requests" },
        { "GetLatestListingReport", "get", "channels/{channelId}/report-requests/latest" },
        { "ConfirmListingReport", "post", "channels/{channelId}/report-requests/{requestId}/confirm" },
        { "StartImport", "post", "channels/{channelId}/imports" },
    };

    private static readonly Lazy<JsonElement[]> s_functions = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))).RootElement.EnumerateArray().ToArray());

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Http_function_has_its_route_method_and_function_auth_level(string name, string method, string route)
    {
        var trigger = Trigger(name);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Every_http_function_in_the_build_is_in_the_contract()
    {
        var built = s_functions.Value
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Select(f => f.GetProperty("name").GetString()!)
            .Order();

        Assert.Equal(HttpFunctions.Select(row => (string)row[0]).Append("GetHealth").Order(), built);
    }

    [Fact]
    public void The_health_endpoint_is_the_one_anonymous_function_so_the_platform_can_probe_it()
    {
        var trigger = Trigger("GetHealth");

        Assert.Equal("health", trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Jobs_run_from_the_queue_named_by_an_app_setting_on_the_app_storage_connection()
    {
        var trigger = Trigger("RunJob");

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%JobsQueueName%", trigger.GetProperty("queueName").GetString());
        Assert.Equal("AppStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void Imports_are_an_event_grid_sourced_blob_trigger_named_as_infra_subscribes_it()
    {
        var trigger = Trigger("ImportBlobCreated");
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "infra", "main.bicep"));

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("%ImportsContainerName%/{channelId}/{name}.csv", trigger.GetProperty("path").GetString());
        Assert.Equal("AppStorage", trigger.GetProperty("connection").GetString());
        Assert.Contains("param blobTriggerFunctionName string = 'ImportBlobCreated'", bicep);
        Assert.Contains("ImportsContainerName: importsContainerName", bicep);
    }

    [Theory]
    [InlineData("RequestListingReports", "%RequestListingReportsSchedule%")]
    [InlineData("CollectListingReports", "%CollectListingReportsSchedule%")]
    public void Report_timers_take_their_schedule_from_an_app_setting(string name, string schedule)
    {
        var trigger = Trigger(name);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void The_search_snapshot_timer_runs_every_ten_minutes()
    {
        var trigger = Trigger("WriteSearchSnapshot");

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 */10 * * * *", trigger.GetProperty("schedule").GetString());
    }

    private static JsonElement Trigger(string name)
    {
        var function = Assert.Single(s_functions.Value, f => f.GetProperty("name").GetString() == name);
        return function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }
}
