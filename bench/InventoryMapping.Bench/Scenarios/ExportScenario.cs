using System.Diagnostics;
using Azure.Data.Tables;
using InventoryMapping.Csv;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// N listings (unlinked, every field); times the Export Mapping job run in-process, from start to the committed
/// CSV blob, against a raw scan of the same rows (every listing partition read page by page, as many partitions at
/// once as the job's workers). Target: raw time / ours ≥ 0.7. Also the working set while the job runs, which must
/// stay flat as N grows (the job holds the pages in flight, never the file).
/// </summary>
public sealed class ExportScenario : IBenchScenario
{
    public string Name => "export";

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var storage = host.Get<AppStorage>();
        var seeder = new BulkSeeder(host, args.Chunk, args.Parallelism);
        await seeder.CreateChannelAsync(cancellationToken);
        var setup = Stopwatch.StartNew();
        {
            var catalog = new SyntheticCatalog(args.Seed);
            var listings = CatalogData.Listings(catalog, catalog.Skus(args.N));
            // Straight into the app's Listings table in its layout (count rows included): the export only reads them.
            await new RawSeeder(args.Chunk, args.Parallelism).ListingsAsync(storage.Listings, BulkSeeder.ChannelId, listings, DateTimeOffset.UtcNow, cancellationToken);
        }

        var setupSeconds = setup.Elapsed.TotalSeconds;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = Measurements.WorkingSetMiB();

        BenchReport.Progress("Export job");
        host.Requests.Clear();
        using var sampler = new WorkingSetSampler(TimeSpan.FromMilliseconds(50));
        var watch = Stopwatch.StartNew();
        var started = await host.Get<MappingExports>().StartAsync(BulkSeeder.ChannelId, new MappingExportRequest(), cancellationToken);
        var jobId = started.IsSuccess ? started.Value.JobId : throw new InvalidOperationException($"Could not start the job: {started.Error}");
        var (job, runs) = await JobRun.ToEndAsync(host, jobId, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var peak = sampler.Stop();
        var requests = host.Requests.Snapshot();
        var file = job.File ?? throw new InvalidOperationException("The job has no file.");
        var bytes = (await storage.Container(file.Container).GetBlobClient(file.Name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        if (file.Rows != args.N)
        {
            throw new InvalidOperationException($"The export wrote {file.Rows} rows, not {args.N}.");
        }

        BenchReport.Progress("raw baseline: a scan of the same rows");
        watch.Restart();
        var scanned = await RawScanAsync(storage.Listings, host.Get<Microsoft.Extensions.Options.IOptions<StorageThroughputOptions>>().Value.JobPartsInFlight, cancellationToken);
        var rawSeconds = watch.Elapsed.TotalSeconds;
        if (scanned != args.N)
        {
            throw new InvalidOperationException($"The raw scan read {scanned} rows, not {args.N}.");
        }

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (listings)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("setup (raw seed) seconds", setupSeconds, "s");
        BenchReport.Line("job", $"{runs} run(s), {file.Rows:N0} rows, {bytes / 1024.0 / 1024.0:N1} MiB CSV");
        BenchReport.Line("ours: seconds", seconds, "s");
        BenchReport.Line("ours: rows/s", args.N / seconds, "");
        BenchReport.Line("raw scan: seconds", rawSeconds, "s");
        BenchReport.Line("raw scan: rows/s", args.N / rawSeconds, "");
        BenchReport.Line("ratio raw/ours time (throughput ours/raw)", rawSeconds / seconds, "(target >= 0.7)");
        BenchReport.Line("working set before the job", before, "MiB");
        BenchReport.Line("peak working set during the job", peak, "MiB");
        foreach (var (kind, count, totalMs) in requests)
        {
            BenchReport.Line($"ours: {kind}", $"{count:N0} requests, {totalMs / count:N2} ms each on average");
        }

        BenchReport.Memory();
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

    /// <summary>Samples this process's working set until stopped; the highest sample.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<double> _sampling;

        public WorkingSetSampler(TimeSpan interval) => _sampling = Task.Run(async () =>
        {
            var peak = 0.0;
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Measurements.WorkingSetMiB());
                    await Task.Delay(interval, _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            return Math.Max(peak, Measurements.WorkingSetMiB());
        });

        public double Stop()
        {
            _stop.Cancel();
            return _sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Dispose();
    }
}
