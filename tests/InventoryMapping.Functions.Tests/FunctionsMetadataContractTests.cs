using System.Text.Json;
using InventoryMapping.Testing;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// The generated functions.metadata is what the Azure host reads. Its HTTP routes, methods and auth levels are checked
/// against docs/openapi.json (<see cref="OpenApiDocumentTests"/>); here, the other triggers and their settings.
/// </summary>
public sealed class FunctionsMetadataContractTests
{
    private static readonly Lazy<JsonElement[]> s_functions = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))).RootElement.EnumerateArray().ToArray());

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
    [InlineData("SyncStock", "%StockSyncSchedule%")]
    public void Timers_take_their_schedule_from_an_app_setting(string name, string schedule)
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

    [Fact]
    public void Export_request_files_come_from_an_event_grid_sourced_blob_trigger_on_the_app_storage_connection()
    {
        var trigger = Trigger("ExportRequested");

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%ExportRequestsContainerName%/{channelId}/{name}.json", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("AppStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void Infra_subscribes_the_export_request_function_by_its_name_to_its_container()
    {
        var bicep = File.ReadAllText(Path.Combine(InventoryMapping.Testing.RepositoryRoot.Find(), "infra", "main.bicep"));

        Assert.Contains("param exportRequestFunctionName string = 'ExportRequested'", bicep, StringComparison.Ordinal);
        Assert.Contains($"var exportRequestsContainerName = '{InventoryMapping.Storage.AppStorage.ExportRequestsContainer}'", bicep, StringComparison.Ordinal);
        Assert.Contains("ExportRequestsContainerName: exportRequestsContainerName", bicep, StringComparison.Ordinal);
    }

    private static JsonElement Trigger(string name)
    {
        var function = Assert.Single(s_functions.Value, f => f.GetProperty("name").GetString() == name);
        return function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }
}
