using System.Diagnostics;

namespace InventoryMapping;

/// <summary>
/// The app's traces: activities around the work whose time an operator wants to see (job slices, report ingestion,
/// SP-API calls). Exported by the host's OpenTelemetry when it listens to <see cref="SourceName"/>; free otherwise.
/// </summary>
public static class Telemetry
{
    public const string SourceName = "InventoryMapping";

    public static ActivitySource Source { get; } = new(SourceName);
}
