using System.Diagnostics;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Storage;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// N listings and N items, 90% of the listings having an item with the same SKU; times the Link All job run
/// in-process, against batch upserts of the 0.9·N changed listings into a table holding the same N listings.
/// Target: time ≤ 1.5 × raw.
/// </summary>
public sealed class LinkAllScenario : IBenchScenario
{
    public const double MatchedShare = 0.9;

    public string Name => "link-all";

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(args.Seed);
        var skus = catalog.Skus(args.N);
        var listings = CatalogData.Listings(catalog, skus);
        var matched = skus.OrderBy(_ => catalog.Random.Next()).Take((int)(args.N * MatchedShare)).ToList();
        var items = CatalogData.Items(catalog, [.. matched, .. catalog.Skus(args.N - matched.Count)]);

        var seeder = new BulkSeeder(host, args.Chunk, args.Parallelism);
        await seeder.CreateChannelAsync(cancellationToken);
        var setup = Stopwatch.StartNew();
        await seeder.ListingsAsync(listings, cancellationToken);
        // Items go straight into the app's tables in its layout, without change-log rows (Link All never reads them),
        // so that set-up time does not depend on the item writer.
        var storage = host.Get<AppStorage>();
        var itemIds = await new RawSeeder(args.Chunk, args.Parallelism)
            .ItemsAsync(new RawItemTables(storage.Items, storage.ItemSkus, ItemChanges: null), items, DateTimeOffset.UtcNow, cancellationToken);
        var setupSeconds = setup.Elapsed.TotalSeconds;

        BenchReport.Progress("Link All job");
        host.Requests.Clear();
        var watch = Stopwatch.StartNew();
        var started = await host.Get<MappingJobs>().StartAsync(JobKind.LinkAllBySku, BulkSeeder.ChannelId, dryRun: false, SkuMatchMode.Exact, cancellationToken);
        var jobId = started.IsSuccess ? started.Value.JobId : throw new InvalidOperationException($"Could not start the job: {started.Error}");
        var (job, runs) = await JobRun.ToEndAsync(host, jobId, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var requests = host.Requests.Snapshot();
        var linked = job.Result.GetValueOrDefault("linked");
        if (linked != matched.Count)
        {
            throw new InvalidOperationException($"The job linked {linked} listings, not {matched.Count}.");
        }

        BenchReport.Progress("raw baseline: the same listings, then the linked ones upserted");
        var bySku = listings.ToDictionary(l => l.Sku!, StringComparer.Ordinal);
        var (rawSeconds, _, rawEntities) = await RawLinkBaseline.RunAsync(
            host, args, listings, matched.Select(sku => (bySku[sku], new ItemReference(itemIds[sku], sku))), jobId, withStockSyncRows: false, cancellationToken);

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (listings, and items)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("setup (bulk seed) seconds", setupSeconds, "s");
        BenchReport.Line("job result", string.Join(", ", job.Result.Select(r => $"{r.Key}={r.Value:N0}")) + $" ({runs} run(s))");
        BenchReport.Line("ours: seconds", seconds, "s");
        BenchReport.Line("ours: listings examined/s", args.N / seconds, "");
        BenchReport.Line("ours: listings linked/s", linked / seconds, "");
        BenchReport.Line("raw: seconds (0.9N upserts)", rawSeconds, "s");
        BenchReport.Line("raw: entities/s", rawEntities / rawSeconds, "");
        BenchReport.Line("ratio ours/raw time", seconds / rawSeconds, "(target <= 1.5)");
        foreach (var (kind, count, totalMs) in requests)
        {
            BenchReport.Line($"ours: {kind}", $"{count:N0} requests, {totalMs / count:N2} ms each on average");
        }

        BenchReport.Memory();
    }
}
