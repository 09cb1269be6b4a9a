using System.Diagnostics;
using System.Globalization;

namespace InventoryMapping.Bench;

/// <summary>Percentiles of latencies, and the peak memory of this process and of its Azurite.</summary>
public static class Measurements
{
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    /// <summary>Times <paramref name="action"/>(i) for i from 0 to warm-up + count - 1; returns the timings after the warm-up.</summary>
    public static async Task<List<double>> SampleAsync(int warmUp, int count, Func<int, Task> action)
    {
        var timings = new List<double>(count);
        for (var i = 0; i < warmUp + count; i++)
        {
            var ms = await MillisecondsAsync(() => action(i));
            if (i >= warmUp)
            {
                timings.Add(ms);
            }
        }

        return timings;
    }

    public static async Task<double> MillisecondsAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Working set of this process now, in MiB.</summary>
    public static double WorkingSetMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>Peak working set of this process in MiB (VmHWM on Linux).</summary>
    public static double PeakWorkingSetMiB()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>Peak resident set of the child node processes (the Azurite this run started), in MiB; null when none.</summary>
    public static double? AzuritePeakMiB()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        double? peak = null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                if (status.Any(l => l.StartsWith("PPid:", StringComparison.Ordinal) && l[5..].Trim() == self)
                    && status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } hwm)
                {
                    var kib = double.Parse(hwm[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                    peak = (peak ?? 0) + kib / 1024.0;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended meanwhile, or one we may not read.
            }
        }

        return peak;
    }
}
