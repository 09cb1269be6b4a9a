using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace InventoryMapping;

/// <summary>
/// The app's traces: activities around the work whose time an operator wants to see (job slices, report ingestion,
/// SP-API calls), and its meter (what bulk work holds in memory). Exported by the host's OpenTelemetry when it
/// listens to <see cref="SourceName"/>; free otherwise.
/// </summary>
public static class Telemetry
{
    public const string SourceName = "InventoryMapping";

    public static ActivitySource Source { get; } = new(SourceName);

    public static Meter Meter { get; } = new(SourceName);
}
