using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.LocalHost.Hosting;

/// <summary>
/// The settings of the function app's host.json that the local host honours, overridable like in Azure with
/// app settings <c>AzureFunctionsJobHost__path__to__setting</c>.
/// </summary>
internal sealed class HostJson(IConfiguration file, IConfiguration appSettings)
{
    private const string OverridePrefix = "AzureFunctionsJobHost:";

    public string RoutePrefix => (Get("extensions:http:routePrefix") ?? "api").Trim('/');

    public int QueueMaxDequeueCount => GetInt("extensions:queues:maxDequeueCount") ?? 5;

    public TimeSpan QueueVisibilityTimeout => GetTimeSpan("extensions:queues:visibilityTimeout") ?? TimeSpan.Zero;

    public int QueueBatchSize => Math.Clamp(GetInt("extensions:queues:batchSize") ?? 16, 1, 32);

    public int PoisonBlobThreshold => GetInt("extensions:blobs:poisonBlobThreshold") ?? 5;

    public static HostJson Load(string functionsDirectory, IConfiguration appSettings)
    {
        var builder = new ConfigurationBuilder();
        var path = Path.Combine(functionsDirectory, "host.json");
        if (File.Exists(path))
        {
            builder.AddJsonFile(path, optional: true, reloadOnChange: false);
        }

        return new HostJson(builder.Build(), appSettings);
    }

    private string? Get(string key) => appSettings[OverridePrefix + key] ?? file[key];

    private int? GetInt(string key) =>
        int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private TimeSpan? GetTimeSpan(string key) =>
        TimeSpan.TryParse(Get(key), CultureInfo.InvariantCulture, out var value) ? value : null;
}
