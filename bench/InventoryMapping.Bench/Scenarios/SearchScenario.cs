using System.Diagnostics;
using Azure.Data.Tables;
using InventoryMapping.Inventory;
using InventoryMapping.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// N items seeded through the app (timed, against a raw batch write of the same rows into fresh tables first), then
/// warm searches of the in-process index: 3-6 characters of existing SKUs (40% prefixes, 40% inner fragments) and
/// 20% title word prefixes, page size 20. Target: p95 ≤ 20 ms. Raw: one point read of an item, the least any
/// storage-backed search costs. Then a second instance's cold start (first answer) and its index memory, and how
/// long an item created on one instance takes to be found on the other.
/// </summary>
public sealed class SearchScenario : IBenchScenario
{
    public const int WarmUp = 10;

    public string Name => "search";

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(args.Seed);
        var skus = catalog.Skus(args.N);
        var items = CatalogData.Items(catalog, skus);
        var appCount = args.AppItems is > 0 ? Math.Min(args.AppItems, args.N) : args.N;
        var appItems = items.Take(appCount).ToList();
        IReadOnlyList<string> setupIds = [];
        if (appCount < args.N)
        {
            BenchReport.Progress($"set-up: {args.N - appCount:N0} item rows straight into the Items table");
            var setup = Stopwatch.StartNew();
            setupIds = await new RawSeeder(args.Chunk, Math.Max(args.Parallelism, 4))
                .ItemRowsOnlyAsync(host.Get<AppStorage>().Items, items.Skip(appCount).ToList(), DateTimeOffset.UtcNow, cancellationToken);
            BenchReport.Line("set-up: items written raw (untimed)", $"{setupIds.Count:N0} in {setup.Elapsed.TotalSeconds:N0} s");
        }


        // Ours first and the raw seeding last, so that the search figures of a long run (1,000,000) come in first;
        // the raw side then writes into fresh tables of a fuller Azurite, which favours ours a little.
        host.Requests.Clear();
        var watch = Stopwatch.StartNew();
        var ids = await new BulkSeeder(host, args.Chunk, args.Parallelism).ItemsAsync(appItems, cancellationToken);
        var seedSeconds = watch.Elapsed.TotalSeconds;
        var seedRequests = host.Requests.Snapshot();
        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (items)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("chunk / parallelism", $"{args.Chunk} / {args.Parallelism}");
        BenchReport.Line("seed: items through the app", appCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("seed: ours seconds", seedSeconds, "s");
        BenchReport.Line("seed: ours items/s", appCount / seedSeconds, "");
        foreach (var (kind, count, totalMs) in seedRequests)
        {
            BenchReport.Line($"seed: {kind}", $"{count:N0} ({count / (double)appCount:N3} per item), {totalMs / count:N1} ms each");
        }

        // The first search of the seeding instance finds no snapshot: it reads the Items table and writes one.
        BenchReport.Progress("first search (no snapshot yet)");
        var search = host.Get<IInventorySearch>();
        var firstMs = await Measurements.MillisecondsAsync(() => SearchAsync(search, "ACME", cancellationToken));

        var compactionMs = await Measurements.MillisecondsAsync(() => FoldedAsync(host.Get<ItemSearchIndex>(), cancellationToken));
        var random = catalog.Random;
        var queries = Enumerable.Range(0, WarmUp + args.Queries)
            .Select(i => (i % 5) switch
            {
                0 or 1 => catalog.Fragment(skus[random.Next(skus.Count)], prefix: true),
                2 or 3 => catalog.Fragment(skus[random.Next(skus.Count)], prefix: false),
                _ => TitleWordPrefix(items[random.Next(items.Count)].Title!, random),
            })
            .ToList();

        BenchReport.Progress("searches");
        var hits = 0L;
        host.Requests.Clear();
        var ours = await Measurements.SampleAsync(WarmUp, args.Queries, async i =>
        {
            var found = await SearchAsync(search, queries[i], cancellationToken);
            if (i >= WarmUp)
            {
                hits += found;
            }
        });
        var searchRequests = host.Requests.Snapshot().Sum(r => r.Count);

        BenchReport.Progress("raw point reads");
        var itemsTable = host.Get<AppStorage>().Items;
        var idList = ids.Values.Concat(setupIds).ToList();
        var rawReads = await Measurements.SampleAsync(WarmUp, args.Queries, async i =>
        {
            var id = idList[random.Next(idList.Count)];
            await itemsTable.GetEntityAsync<TableEntity>(ItemIds.PartitionOf(id), id, cancellationToken: cancellationToken);
        });

        // A fresh instance: the newest snapshot plus the change log since it, then the first answer.
        BenchReport.Progress("cold start of a second instance");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var second = host.StartInstance();
        var secondSearch = second.GetRequiredService<IInventorySearch>();
        var coldMs = await Measurements.MillisecondsAsync(() => SearchAsync(secondSearch, "ACME", cancellationToken));
        var secondCompactionMs = await Measurements.MillisecondsAsync(() => FoldedAsync(second.GetRequiredService<ItemSearchIndex>(), cancellationToken));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var (indexedItems, catalogBytes) = second.GetRequiredService<ItemSearchIndex>().CatalogSize;
        var secondWarm = await Measurements.SampleAsync(WarmUp, Math.Min(args.Queries, 100), i => SearchAsync(secondSearch, queries[i], cancellationToken));

        BenchReport.Progress("freshness across instances");
        var freshSku = "FRESH-" + Guid.NewGuid().ToString("N")[..10];
        var created = await host.Get<InventoryService>().CreateAsync(new ItemDefinition(freshSku, "Freshness probe"), cancellationToken);
        var sameInstance = await SearchAsync(search, freshSku, cancellationToken);
        var seen = Stopwatch.StartNew();
        while (await SearchAsync(secondSearch, freshSku, cancellationToken) == 0 && seen.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20, cancellationToken);
        }

        var otherInstanceMs = seen.Elapsed.TotalMilliseconds;

        BenchReport.Line("first search (Items scan + snapshot)", firstMs, "ms");
        BenchReport.Line("then folding the recent changes", compactionMs, "ms (background; waited for before measuring)");
        BenchReport.Line("queries (after warm-up)", $"{args.Queries} (+{WarmUp}), {hits / (double)args.Queries:N1} hits per page on average");
        BenchReport.Line("ours: p50", Measurements.Percentile(ours, 50), "ms");
        BenchReport.Line("ours: p95", Measurements.Percentile(ours, 95), "ms (target <= 20)");
        BenchReport.Line("ours: max", ours.Max(), "ms");
        BenchReport.Line("ours: storage requests per search", searchRequests / (double)(WarmUp + args.Queries), "");
        BenchReport.Line("raw item point read: p50", Measurements.Percentile(rawReads, 50), "ms");
        BenchReport.Line("raw item point read: p95", Measurements.Percentile(rawReads, 95), "ms");
        BenchReport.Line("ratio p95 ours/raw", Measurements.Percentile(ours, 95) / Measurements.Percentile(rawReads, 95), "");
        BenchReport.Line("cold start: first answer", coldMs, "ms (target <= 3000)");
        BenchReport.Line("cold start: then folding recent changes", secondCompactionMs, "ms (background)");
        BenchReport.Line("cold start: managed heap growth", (after - before) / 1024.0 / 1024.0, "MiB (target <= 300)");
        BenchReport.Line("cold start: catalog", $"{indexedItems:N0} items, {catalogBytes / 1024.0 / 1024.0:N1} MiB of arrays");
        BenchReport.Line("second instance: p95", Measurements.Percentile(secondWarm, 95), "ms");
        BenchReport.Line("fresh: same instance hits", $"{sameInstance} {(created.IsSuccess ? "" : $"(create failed: {created.Error})")}");
        BenchReport.Line("fresh: other instance after", otherInstanceMs, "ms (bound: poll interval 2 s + one log read)");
        BenchReport.Memory();

        BenchReport.Progress("raw baseline: items");
        var raw = new RawSeeder(args.Chunk, args.Parallelism);
        watch.Restart();
        await raw.ItemsAsync(await RawItemTables.CreateAsync(host, cancellationToken), appItems, DateTimeOffset.UtcNow, cancellationToken);
        var rawSeconds = watch.Elapsed.TotalSeconds;
        BenchReport.Line("entities written (each side)", $"{raw.Entities:N0} = {raw.Items:N0} items + {raw.SkuRows:N0} SKU rows + {raw.ChangeRows:N0} change-log rows: {raw.Entities / (double)appCount:N1} per item");
        BenchReport.Line("seed: raw seconds", rawSeconds, "s");
        BenchReport.Line("seed: ratio ours/raw time", seedSeconds / rawSeconds, "(target <= 1.5)");
    }

    /// <summary>Waits (up to 5 minutes) until the index has folded the changes it read at load into its catalog.</summary>
    private static async Task FoldedAsync(ItemSearchIndex index, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (index.PendingChanges > 100 && deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<int> SearchAsync(IInventorySearch search, string query, CancellationToken cancellationToken)
    {
        var page = await search.SearchAsync(query, InventorySearch.DefaultPageSize, null, cancellationToken);
        return page.IsSuccess ? page.Value.Items.Count : throw new InvalidOperationException($"Search '{query}' failed: {page.Error}");
    }

    /// <summary>The first 3-6 letters of a random word of the title.</summary>
    private static string TitleWordPrefix(string title, Random random)
    {
        var words = title.Split([' ', ',', '-', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).ToList();
        var word = words[random.Next(words.Count)];
        return word[..Math.Min(word.Length, random.Next(3, 7))];
    }
}
