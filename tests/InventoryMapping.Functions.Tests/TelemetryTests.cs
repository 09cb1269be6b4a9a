using System.Collections.Concurrent;
using System.Diagnostics;
using InventoryMapping.Functions.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace InventoryMapping.Functions.Tests;

public sealed class TelemetryTests : ApiTest
{
    [Fact]
    public async Task A_job_slice_is_an_activity_of_the_app_source_with_the_job_id()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "A-1", title = "a" });

        var jobId = (await Api.StartLinkAllAsync("shop")).Json.GetProperty("jobId").GetString();
        await Api.DrainJobQueueAsync(TimeSpan.FromSeconds(60));

        Assert.Contains(stopped, a => a.OperationName == "JobSlice" && (string?)a.GetTagItem("job.id") == jobId);
    }

    [Fact]
    public void With_an_Application_Insights_connection_string_the_app_traces_to_it_and_without_one_it_does_not()
    {
        static ServiceProvider Build(string? connectionString) => new ServiceCollection()
            .AddLogging()
            .AddTelemetry(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [FunctionsApp.ApplicationInsightsSetting] = connectionString,
                [FunctionsApp.ApplicationInsightsAuthenticationSetting] = "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD",
            }).Build())
            .BuildServiceProvider();

        using var configured = Build("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/");
        using var local = Build(null);

        Assert.NotNull(configured.GetService<TracerProvider>());
        Assert.Null(local.GetService<TracerProvider>());
    }
}
