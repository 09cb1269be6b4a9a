using System.Diagnostics;
using System.Text;
using InventoryMapping.Imports;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs;
using InventoryMapping.Storage;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// N listings and N items; a CSV of N link rows (ChannelSku, LinkedItemSku) dropped into the imports container and
/// imported in-process in reject mode (validation pass, then apply pass), against batch upserts of the N changed
/// listings into a table holding the same N listings. Target: throughput ≥ 0.6 × raw (time ≤ 1/0.6 × raw).
/// </summary>
public sealed class ImportScenario : IBenchScenario
{
    public string Name => "import";

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(args.Seed);
        var skus = catalog.Skus(args.N);
        var listings = CatalogData.Listings(catalog, skus);
        var itemSkus = catalog.Skus(args.N);
        var items = CatalogData.Items(catalog, itemSkus);

        var seeder = new BulkSeeder(host, args.Chunk, args.Parallelism);
        await seeder.CreateChannelAsync(cancellationToken);
        var setup = Stopwatch.StartNew();
        await seeder.ListingsAsync(listings, cancellationToken);
        var storage = host.Get<AppStorage>();
        var itemIds = await new RawSeeder(args.Chunk, args.Parallelism)
            .ItemsAsync(new RawItemTables(storage.Items, storage.ItemSkus, ItemChanges: null), items, DateTimeOffset.UtcNow, cancellationToken);
        var csv = new StringBuilder("ChannelSku,LinkedItemSku\r\n");
        for (var i = 0; i < skus.Count; i++)
        {
            csv.Append(Quoted(skus[i])).Append(',').Append(Quoted(itemSkus[i])).Append("\r\n");
        }

        await storage.Container(AppStorage.ImportsContainer).GetBlobClient($"{BulkSeeder.ChannelId}/bench.csv")
            .UploadAsync(BinaryData.FromString(csv.ToString()), overwrite: true, cancellationToken);
        var fileBytes = Encoding.UTF8.GetByteCount(csv.ToString());
        csv.Clear();
        var setupSeconds = setup.Elapsed.TotalSeconds;

        BenchReport.Progress("import job");
        host.Requests.Clear();
        var watch = Stopwatch.StartNew();
        var started = await host.Get<ImportService>().StartFromBlobAsync(BulkSeeder.ChannelId, "bench", cancellationToken);
        var jobId = started.IsSuccess ? started.Value!.JobId : throw new InvalidOperationException($"Could not start the import: {started.Error}");
        var runner = host.Get<JobRunner>();
        var store = host.Get<JobStore>();
        var runs = 0;
        Job job;
        while (true)
        {
            await runner.RunAsync(new JobMessage(jobId), cancellationToken);
            runs++;
            job = await store.GetAsync(jobId, cancellationToken) ?? throw new InvalidOperationException("The job is gone.");
            if (job.Status == JobStatus.Failed)
            {
                throw new InvalidOperationException($"The import failed: {job.Error}");
            }

            if (job.Status == JobStatus.Succeeded)
            {
                break;
            }

            BenchReport.Progress($"job: {job.Progress.Done:N0} after {runs} run(s)");
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var requests = host.Requests.Snapshot();
        var applied = job.Result.GetValueOrDefault("applied");
        if (applied != args.N)
        {
            throw new InvalidOperationException($"The import applied {applied} rows, not {args.N}.");
        }

        BenchReport.Progress("raw baseline: the same listings, then the linked ones upserted");
        var now = DateTimeOffset.UtcNow;
        var table = await host.FreshTableAsync("Listings", cancellationToken);
        await new RawSeeder(args.Chunk, args.Parallelism).ListingsAsync(table, BulkSeeder.ChannelId, listings, now, cancellationToken);
        var changed = listings
            .Select((l, i) => RawRows.Linked(RawRows.Listing(BulkSeeder.ChannelId, l, now), new ItemReference(itemIds[itemSkus[i]], itemSkus[i]), jobId, now))
            .ToList();
        watch.Restart();
        await new RawWriter(RawSeeder.TransactionsPerChunk * args.Parallelism).UpsertAsync(table, changed, cancellationToken);
        var rawSeconds = watch.Elapsed.TotalSeconds;

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (link rows, listings, items)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("file bytes", fileBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("setup (bulk seed) seconds", setupSeconds, "s");
        BenchReport.Line("job result", string.Join(", ", job.Result.Select(r => $"{r.Key}={r.Value:N0}")) + $" ({runs} run(s))");
        BenchReport.Line("ours: seconds", seconds, "s");
        BenchReport.Line("ours: rows applied/s", applied / seconds, "");
        BenchReport.Line("raw: seconds (N upserts)", rawSeconds, "s");
        BenchReport.Line("raw: entities/s", changed.Count / rawSeconds, "");
        BenchReport.Line("ratio ours/raw throughput", rawSeconds / seconds, "(target >= 0.6)");
        foreach (var (kind, count, totalMs) in requests)
        {
            BenchReport.Line($"ours: {kind}", $"{count:N0} requests, {totalMs / count:N2} ms each on average");
        }

        BenchReport.Memory();
    }

    private static string Quoted(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || (value.Length > 0 && (value[0] == '\'' || InventoryMapping.Csv.CsvFormulaGuard.IsTrigger(value[0])))
            ? "\"" + InventoryMapping.Csv.CsvFormulaGuard.Neutralize(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
