using System.Diagnostics;

namespace InventoryMapping.SpApi;

/// <summary>The SP-API client's traces: an activity per call (its retries inside), for the host's telemetry to export.</summary>
public static class SpApiTelemetry
{
    public const string SourceName = "InventoryMapping.SpApi";

    public static ActivitySource Source { get; } = new(SourceName);
}
