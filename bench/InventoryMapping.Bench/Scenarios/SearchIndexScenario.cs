using System.Diagnostics;
using System.Globalization;
using InventoryMapping.Inventory;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// No storage: the in-process search index alone at N items, what a warm search and a cold start cost in this
/// process whatever the store: building the catalog from the Items rows, a snapshot written and read back
/// (gzip, in memory), the index's memory, and the same query mix as <c>search</c>. Raw: one vectorised
/// <c>IndexOf</c> over the whole upper-cased SKU buffer, the floor of a "contains" query that finds nothing.
/// </summary>
public sealed class SearchIndexScenario : IBenchScenario
{
    public string Name => "search-index";

    public bool NeedsStorage => false;

    public Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(args.Seed);
        var skus = catalog.Skus(args.N);
        var items = CatalogData.Items(catalog, skus);
        var entries = items.Select((d, i) => (Id: (ulong)i * 7919 + 1, Sku: d.Sku!, Title: d.Title!)).ToList();

        BenchReport.Progress("catalog from the items (as after an Items table scan)");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var cpu = Cpu();
        var sorted = entries.OrderBy(e => e.Sku.ToUpperInvariant(), StringComparer.Ordinal).ThenBy(e => e.Id).ToList();
        var built = ItemSearchSnapshots.Build(sorted);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        var buildCpu = Cpu() - cpu;

        BenchReport.Progress("snapshot written and read back");
        using var blob = new MemoryStream();
        watch.Restart();
        cpu = Cpu();
        ItemSearchSnapshots.WriteTo(blob, ItemSearchState.Of(built).Entries(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        var writeMs = watch.Elapsed.TotalMilliseconds;
        var blobMiB = blob.Length / 1024.0 / 1024.0;
        var writeCpu = Cpu() - cpu;
        sorted = null;
        built = null;
        blob.Position = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        cpu = Cpu();
        var loaded = ItemSearchSnapshots.ReadFrom(blob).Catalog;
        var readMs = watch.Elapsed.TotalMilliseconds;
        var readCpu = Cpu() - cpu;
        var held = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        var state = ItemSearchState.Of(loaded);

        var random = catalog.Random;
        var queries = Enumerable.Range(0, args.Queries * 5)
            .Select(i => (i % 5) switch
            {
                0 or 1 => catalog.Fragment(skus[random.Next(skus.Count)], prefix: true),
                2 or 3 => catalog.Fragment(skus[random.Next(skus.Count)], prefix: false),
                _ => TitleWord(items[random.Next(items.Count)].Title!, random),
            })
            .ToList();
        BenchReport.Progress("searches");
        var timings = new List<double>(queries.Count);
        var hits = 0L;
        foreach (var query in queries.Take(50).Concat(queries))
        {
            watch.Restart();
            hits += state.Find(SearchText.Sku(query), SearchText.Title(query), null, InventorySearch.DefaultPageSize + 1).Count;
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings = timings.Skip(50).ToList();
        var nothing = "Q~NOT~THERE";
        var worst = Measure(() => state.Find(nothing, nothing, null, InventorySearch.DefaultPageSize + 1).Count, 50);
        var upper = string.Join('\n', skus.Select(s => s.ToUpperInvariant()));
        var raw = Measure(() => upper.AsSpan().IndexOf(nothing.AsSpan()), 50);

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (items)", args.N.ToString("N0", CultureInfo.InvariantCulture));
        BenchReport.Line("catalog: sort + build", buildMs, $"ms wall, {buildCpu:N0} ms CPU of this process");
        BenchReport.Line("snapshot: write (gzip)", writeMs, $"ms wall, {writeCpu:N0} ms CPU, {blobMiB:N1} MiB");
        BenchReport.Line("snapshot: read + build", readMs, $"ms wall, {readCpu:N0} ms CPU (the compute part of a cold start)");
        BenchReport.Line("machine load average", File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a");
        BenchReport.Line("index: managed heap held", held / 1024.0 / 1024.0, $"MiB (target <= 300); arrays {loaded.Bytes / 1024.0 / 1024.0:N1} MiB; heap before set-up {before / 1024.0 / 1024.0:N0} MiB");
        BenchReport.Line("queries", $"{queries.Count} (+50 warm-up), 40% SKU prefixes, 40% inner fragments, 20% title words; {hits / (double)(queries.Count + 50):N1} hits per page");
        BenchReport.Line("ours: p50", Measurements.Percentile(timings, 50), "ms");
        BenchReport.Line("ours: p95", Measurements.Percentile(timings, 95), "ms (target <= 20)");
        BenchReport.Line("ours: p99", Measurements.Percentile(timings, 99), "ms");
        BenchReport.Line("ours: max", timings.Max(), "ms");
        BenchReport.Line("ours: a query that matches nothing (p95)", Measurements.Percentile(worst, 95), "ms (every tier searched to the end)");
        BenchReport.Line("raw: one IndexOf over all SKUs (p95)", Measurements.Percentile(raw, 95), "ms");
        BenchReport.Memory();
        return Task.CompletedTask;
    }

    private static double Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    private static List<double> Measure(Func<int> action, int count)
    {
        var timings = new List<double>(count);
        for (var i = 0; i < count + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = action();
            if (i >= 5)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return timings;
    }

    private static string TitleWord(string title, Random random)
    {
        var words = title.Split([' ', ',', '-', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).ToList();
        var word = words[random.Next(words.Count)];
        return word[..Math.Min(word.Length, random.Next(3, 7))];
    }
}
