using System.Diagnostics;
using Azure.Data.Tables;
using InventoryMapping.Csv;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// N listings, 90% linked to items; times the Export Mapping job run in-process, from start to the committed CSV
/// blob, against a raw scan of the same rows (every listing partition read page by page, as many partitions at once
/// as the job's workers). Target: raw time / ours ≥ 0.7. Also the working set while the job runs, which must stay
/// flat as N grows (the job holds the pages in flight, never the file). The linked items' SKUs and titles come
/// from the search index, loaded (and timed) before the runs.
/// </summary>
public sealed class ExportScenario : IBenchScenario
{
    public string Name => "export";

    /// <summary>Share of the listings linked to an item (as after Link All in the link-all scenario).</summary>
    public const double LinkedShare = 0.9;

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var storage = host.Get<AppStorage>();
        await new BulkSeeder(host, args.Chunk, args.Parallelism).CreateChannelAsync(cancellationToken);
        var setup = Stopwatch.StartNew();
        await SeedAsync(storage, args, cancellationToken);
        var setupSeconds = setup.Elapsed.TotalSeconds;

        // LinkedItemSku and LinkedItemTitle come from the search index (ItemSummaries), which a worker that has
        // served a search or an export holds already; its load (here from the Items table: the seed wrote no snapshot)
        // is timed on its own, then the default export runs on the loaded index. The export without the two item
        // fields shows what they cost; the last run repeats the default one, sampling the live heap.
        // The raw scan runs before the exports and after them: Azurite's speed drifts over a run on a shared machine
        // (and right after a large scan), so both ratios are reported.
        var parts = host.Get<Microsoft.Extensions.Options.IOptions<StorageThroughputOptions>>().Value.JobPartsInFlight;
        var rawBefore = await TimedRawScanAsync(storage.Listings, parts, args.N, cancellationToken);
        BenchReport.Progress("search index load");
        var load = Stopwatch.StartNew();
        await host.Get<InventoryMapping.Inventory.ItemSearchIndex>().CurrentAsync(cancellationToken);
        var loadSeconds = load.Elapsed.TotalSeconds;
        var withoutItems = new MappingExportRequest(
            [.. MappingCsvField.All.Where(f => f != MappingCsvField.LinkedItemTitle && f != MappingCsvField.LinkedItemSku).Select(f => f.Name)]);
        var ours = await MeasureAsync(host, new MappingExportRequest(), args.N, liveEvery: null, cancellationToken);
        var noItems = await MeasureAsync(host, withoutItems, args.N, liveEvery: null, cancellationToken);
        var sampled = await MeasureAsync(host, new MappingExportRequest(), args.N, liveEvery: TimeSpan.FromSeconds(1), cancellationToken);

        var rawSeconds = await TimedRawScanAsync(storage.Listings, parts, args.N, cancellationToken);

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (listings)", $"{args.N:N0}, {LinkedShare:P0} linked to items");
        BenchReport.Line("setup (raw seed) seconds", setupSeconds, "s");
        BenchReport.Line("search index load (Items table scan + first snapshot)", loadSeconds, "s");
        BenchReport.Line("search index catalog", $"{host.Get<InventoryMapping.Inventory.ItemSearchIndex>().CatalogSize.Items:N0} items");
        var runs = new[]
        {
            ($"ours, default fields ({MappingCsvField.All.Count})", ours),
            ($"ours without LinkedItemSku, LinkedItemTitle ({MappingCsvField.All.Count - 2} fields)", noItems),
            ("ours, default fields again, sampling the live heap", sampled),
        };
        foreach (var (label, run) in runs)
        {
            BenchReport.Line($"{label}: job", $"{run.Runs} run(s), {run.Rows:N0} rows, {run.Bytes / 1024.0 / 1024.0:N1} MiB CSV");
            BenchReport.Line($"{label}: seconds", run.Seconds, "s");
            BenchReport.Line($"{label}: rows/s", args.N / run.Seconds, "");
            BenchReport.Line($"{label}: working set before -> peak during the job", $"{run.Before:N0} -> {run.Peak:N0} MiB");
            if (run.Live is { } live)
            {
                BenchReport.Line($"{label}: peak live managed heap (full GC every second)", live, "MiB");
            }
            foreach (var (kind, count, totalMs) in run.Requests)
            {
                BenchReport.Line($"{label}: {kind}", $"{count:N0} requests, {totalMs / count:N2} ms each on average");
            }
        }

        BenchReport.Line("raw scan before the exports: seconds", rawBefore, "s");
        BenchReport.Line("raw scan after the exports: seconds", rawSeconds, "s");
        BenchReport.Line("raw scan: rows/s", args.N / rawSeconds, "");
        BenchReport.Line("ratio raw before/ours, default fields (first; again)", $"{rawBefore / ours.Seconds:N2}; {rawBefore / sampled.Seconds:N2}");
        BenchReport.Line("ratio raw after/ours, default fields (first; again)", $"{rawSeconds / ours.Seconds:N2}; {rawSeconds / sampled.Seconds:N2}");
        BenchReport.Line("ratio raw/ours time, default fields (throughput ours/raw)", rawSeconds / ours.Seconds, "(target >= 0.7)");
        BenchReport.Line("ratio raw/ours time, default fields, index load included", rawSeconds / (loadSeconds + ours.Seconds), "");
        BenchReport.Line("ratio raw/ours time without the item fields", rawSeconds / noItems.Seconds, "");
        BenchReport.Memory();
    }

    /// <summary>
    /// N listings straight into the app's Listings table in its layout (count rows included), 90% of them linked to
    /// items written straight into the Items and ItemSkus tables: the export only reads them.
    /// </summary>
    private static async Task SeedAsync(AppStorage storage, BenchArgs args, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(args.Seed);
        var skus = catalog.Skus(args.N);
        var listings = CatalogData.Listings(catalog, skus);
        var now = DateTimeOffset.UtcNow;
        var raw = new RawSeeder(args.Chunk, args.Parallelism);
        await raw.ListingsAsync(storage.Listings, BulkSeeder.ChannelId, listings, now, cancellationToken);
        var linked = listings.OrderBy(_ => catalog.Random.Next()).Take((int)(args.N * LinkedShare)).ToList();
        var itemIds = await raw.ItemsAsync(
            new RawItemTables(storage.Items, storage.ItemSkus, ItemChanges: null), CatalogData.Items(catalog, [.. linked.Select(l => l.Sku!)]), now, cancellationToken);
        await new RawWriter(RawSeeder.TransactionsPerChunk * args.Parallelism).UpsertAsync(
            storage.Listings,
            linked.Select(l => RawRows.Linked(RawRows.Listing(BulkSeeder.ChannelId, l, now), new InventoryMapping.Inventory.ItemReference(itemIds[l.Sku!], l.Sku!), "bench", now)),
            cancellationToken);
    }

    /// <summary>One export job of the channel, from its start to the committed blob, with the working set while it runs.</summary>
    private static async Task<ExportRun> MeasureAsync(BenchHost host, MappingExportRequest request, int n, TimeSpan? liveEvery, CancellationToken cancellationToken)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = Measurements.WorkingSetMiB();
        BenchReport.Progress($"Export job ({request.Fields?.Count ?? MappingCsvField.All.Count} fields)");
        host.Requests.Clear();
        using var sampler = new WorkingSetSampler(TimeSpan.FromMilliseconds(50), liveEvery);
        var watch = Stopwatch.StartNew();
        var started = await host.Get<MappingExports>().StartAsync(BulkSeeder.ChannelId, request, cancellationToken);
        var jobId = started.IsSuccess ? started.Value.JobId : throw new InvalidOperationException($"Could not start the job: {started.Error}");
        var (job, runs) = await JobRun.ToEndAsync(host, jobId, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var (peak, live) = sampler.Stop();
        var requests = host.Requests.Snapshot();
        var file = job.File ?? throw new InvalidOperationException("The job has no file.");
        var storage = host.Get<AppStorage>();
        var bytes = (await storage.Container(file.Container).GetBlobClient(file.Name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        if (file.Rows != n)
        {
            throw new InvalidOperationException($"The export wrote {file.Rows} rows, not {n}.");
        }

        return new ExportRun(seconds, runs, file.Rows, bytes, before, peak, live, requests);
    }

    private sealed record ExportRun(
        double Seconds, int Runs, long Rows, long Bytes, double Before, double Peak, double? Live, IReadOnlyList<(string Kind, long Count, double TotalMs)> Requests);

    private static async Task<double> TimedRawScanAsync(TableClient table, int parallelism, int n, CancellationToken cancellationToken)
    {
        BenchReport.Progress("raw baseline: a scan of the same rows");
        var watch = Stopwatch.StartNew();
        var scanned = await RawScanAsync(table, parallelism, cancellationToken);
        return scanned == n ? watch.Elapsed.TotalSeconds : throw new InvalidOperationException($"The raw scan read {scanned} rows, not {n}.");
    }

    /// <summary>Every listing row of the channel, partition by partition, <paramref name="parallelism"/> partitions at once, pages of 1,000.</summary>
    private static async Task<long> RawScanAsync(TableClient table, int parallelism, CancellationToken cancellationToken)
    {
        long rows = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ListingPartition.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var filter = TableClient.CreateQueryFilter(
                    $"PartitionKey eq {ListingPartition.PartitionKey(BulkSeeder.ChannelId, partition)} and RowKey ge {ListingPartition.FirstListingRowKey}");
                await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: JobRunner.PageSize, cancellationToken: ct).AsPages())
                {
                    Interlocked.Add(ref rows, page.Values.Count);
                }
            });
        return rows;
    }

    /// <summary>
    /// Samples this process's working set until stopped (the highest sample); with <paramref name="liveEvery"/>, also
    /// the live managed heap, after a full blocking collection that often (it costs the run time, so only the run
    /// that is not the headline figure asks for it).
    /// </summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<(double WorkingSet, double? Live)> _sampling;

        public WorkingSetSampler(TimeSpan interval, TimeSpan? liveEvery = null) => _sampling = Task.Run(async () =>
        {
            var peak = 0.0;
            double? live = null;
            var nextLive = Stopwatch.StartNew();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Measurements.WorkingSetMiB());
                    if (liveEvery is { } every && nextLive.Elapsed >= every)
                    {
                        live = Math.Max(live ?? 0, GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0);
                        nextLive.Restart();
                    }

                    await Task.Delay(interval, _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            return (Math.Max(peak, Measurements.WorkingSetMiB()), live);
        });

        public (double WorkingSet, double? Live) Stop()
        {
            _stop.Cancel();
            return _sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Dispose();
    }
}
