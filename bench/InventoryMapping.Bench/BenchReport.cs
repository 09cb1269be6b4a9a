using System.Globalization;

namespace InventoryMapping.Bench;

/// <summary>Prints the figures of a scenario as aligned "name: value" lines, easy to read and to grep.</summary>
public static class BenchReport
{
    public static void Line(string name, string value) => Console.WriteLine($"{name,-34} {value}");

    public static void Line(string name, double value, string unit) =>
        Line(name, value.ToString(value >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""));

    public static void Progress(string text) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {text}");

    /// <summary>The app's storage requests since <paramref name="log"/> was cleared, by kind and table.</summary>
    public static void Requests(RequestLog log, string title) => Requests(log.Snapshot(), title);

    /// <summary>Storage requests as <see cref="RequestLog.Snapshot"/> took them, by kind and table.</summary>
    public static void Requests(IReadOnlyList<(string Kind, long Count, double TotalMs)> requests, string title)
    {
        foreach (var (kind, count, totalMs) in requests)
        {
            Line($"{title}: {kind}", $"{count:N0} requests, {totalMs / count:N2} ms each on average");
        }
    }

    public static void Memory()
    {
        Line("peak working set (bench)", Measurements.PeakWorkingSetMiB(), "MiB");
        if (Measurements.AzuritePeakMiB() is { } azurite)
        {
            Line("peak resident set (Azurite)", azurite, "MiB");
        }
    }
}
