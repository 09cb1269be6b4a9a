using InventoryMapping.Testing;

namespace InventoryMapping.LocalHost.Tests;

/// <summary>The app settings the sample functions' triggers refer to, with storage names unique to one test.</summary>
internal sealed record SampleSettings(string ConnectionString, string QueueName, string ContainerName, string Schedule, string HostId)
{
    /// <summary>More settings, e.g. to disable a function.</summary>
    public Dictionary<string, string?> Extra { get; init; } = [];

    // Far enough away never to fire during a test that doesn't drive the clock.
    public const string NeverDuringATest = "0 0 0 1 1 *";

    public static async Task<SampleSettings> CreateAsync(string schedule = NeverDuringATest)
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestNames.UniquePrefix();
        return new SampleSettings(azurite.ConnectionString, prefix + "-queue", prefix + "-container", schedule, prefix);
    }

    public Dictionary<string, string?> ToConfiguration() => new(Extra)
    {
        ["SampleStorage"] = ConnectionString,
        ["AzureWebJobsStorage"] = ConnectionString,
        ["SampleQueue"] = QueueName,
        ["SampleContainer"] = ContainerName,
        ["SampleSchedule"] = Schedule,
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
