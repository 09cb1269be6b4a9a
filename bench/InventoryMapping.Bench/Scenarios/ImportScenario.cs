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
/// listings into a table holding the same N listings (and, as a second figure, those plus the index row and pending
/// mark of each link, which the stock sync needs and the app writes too). Target: throughput ≥ 0.6 × raw (time ≤ 1/0.6 × raw).
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

        var file = BinaryData.FromString(csv.ToString());
        csv.Clear();
        var blob = storage.Container(AppStorage.ImportsContainer).GetBlobClient($"{BulkSeeder.ChannelId}/bench.csv");
        await blob.UploadAsync(file, overwrite: true, cancellationToken);
        var setupSeconds = setup.Elapsed.TotalSeconds;

        BenchReport.Progress("import job");
        host.Requests.Clear();
        var watch = Stopwatch.StartNew();
        var (job, runs) = await ImportAsync(host, cancellationToken);
        var jobId = job.JobId;
        var seconds = watch.Elapsed.TotalSeconds;
        var requests = host.Requests.Snapshot();

        // The same file again (a new version): every row already holds, so the apply pass steps over every page.
        BenchReport.Progress("the same file imported again");
        await blob.UploadAsync(file, overwrite: true, cancellationToken);
        host.Requests.Clear();
        watch.Restart();
        var (again, _) = await ImportAsync(host, cancellationToken);
        var againSeconds = watch.Elapsed.TotalSeconds;
        var againRequests = host.Requests.Snapshot();
        var applied = job.Result.GetValueOrDefault("applied");
        if (applied != args.N)
        {
            throw new InvalidOperationException($"The import applied {applied} rows, not {args.N}.");
        }

        BenchReport.Progress("raw baseline: the same listings, then the linked ones upserted, then the stock sync's rows of the links");
        var (rawSeconds, stockSyncRows, rawEntities) = await RawLinkBaseline.RunAsync(
            host, args, listings, listings.Select((l, i) => (l, new ItemReference(itemIds[itemSkus[i]], itemSkus[i]))), jobId, withStockSyncRows: true, cancellationToken);

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (link rows, listings, items)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("file bytes", file.ToMemory().Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("setup (bulk seed) seconds", setupSeconds, "s");
        BenchReport.Line("job result", string.Join(", ", job.Result.Select(r => $"{r.Key}={r.Value:N0}")) + $" ({runs} run(s))");
        BenchReport.Line("ours: seconds", seconds, "s");
        BenchReport.Line("ours: rows applied/s", applied / seconds, "");
        BenchReport.Line("raw: seconds (N upserts)", rawSeconds, "s");
        BenchReport.Line("raw: entities/s", rawEntities / rawSeconds, "");
        BenchReport.Line("ratio ours/raw throughput", rawSeconds / seconds, "(target >= 0.6)");
        var (indexSeconds, marksSeconds) = stockSyncRows!.Value;
        BenchReport.Line("raw: the links' index rows, then marks: seconds", $"{indexSeconds:N2} s, {marksSeconds:N2} s");
        BenchReport.Line("ratio ours/raw with the stock sync's rows", (rawSeconds + indexSeconds + marksSeconds) / seconds, "");
        foreach (var (kind, count, totalMs) in requests)
        {
            BenchReport.Line($"ours: {kind}", $"{count:N0} requests, {totalMs / count:N2} ms each on average");
        }

        BenchReport.Line("again: job result", string.Join(", ", again.Result.Select(r => $"{r.Key}={r.Value:N0}")));
        BenchReport.Line("again: seconds", againSeconds, "s");
        foreach (var (kind, count, totalMs) in againRequests)
        {
            BenchReport.Line($"again: {kind}", $"{count:N0} requests, {totalMs / count:N2} ms each on average");
        }

        BenchReport.Memory();
    }

    private static async Task<(Job Job, int Runs)> ImportAsync(BenchHost host, CancellationToken cancellationToken)
    {
        var started = await host.Get<ImportService>().StartFromBlobAsync(BulkSeeder.ChannelId, "bench", cancellationToken);
        return await JobRun.ToEndAsync(host, started.IsSuccess ? started.Value!.JobId : throw new InvalidOperationException($"Could not start the import: {started.Error}"), cancellationToken);
    }

    private static string Quoted(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || (value.Length > 0 && (value[0] == '\'' || InventoryMapping.Csv.CsvFormulaGuard.IsTrigger(value[0])))
            ? "\"" + InventoryMapping.Csv.CsvFormulaGuard.Neutralize(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
