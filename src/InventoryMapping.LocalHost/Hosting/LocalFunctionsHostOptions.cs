namespace InventoryMapping.LocalHost.Hosting;

/// <summary>How the local host runs a function app; bound from the <c>LocalHost</c> configuration section.</summary>
public sealed class LocalFunctionsHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>The Functions build output holding functions.metadata, host.json and the app's assemblies.</summary>
    public string? FunctionsDirectory { get; set; }

    /// <summary>HTTP port on localhost; 0 picks a free one (see <see cref="LocalFunctionsHost.BaseAddress"/>).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>
    /// When set, functions whose auth level is not anonymous require it in the <c>x-functions-key</c> header or
    /// the <c>code</c> query parameter. Falls back to the <c>FUNCTIONS_KEY</c> setting.
    /// </summary>
    public string? FunctionKey { get; set; }

    /// <summary>How long a queue listener waits after finding its queue empty.</summary>
    public TimeSpan QueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a blob listener lists its container for new or changed blobs.</summary>
    public TimeSpan BlobPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Names this host's blob receipts, so two apps sharing one storage account don't share them.</summary>
    public string HostId { get; set; } = "localhost";

    /// <summary>
    /// Browser origins allowed to call the functions (comma-separated; <c>Host:CORS</c> in local.settings.json, as func
    /// reads it). None by default: no cross-origin calls, as in Azure without a CORS setting.
    /// </summary>
    public string? CorsAllowedOrigins { get; set; }
}
