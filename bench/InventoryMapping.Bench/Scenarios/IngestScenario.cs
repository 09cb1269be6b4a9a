using System.Diagnostics;
using InventoryMapping.SpApi;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.Channels;
using InventoryMapping.ListingReports;
using InventoryMapping.Listings;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// An N-row All Listings report served by the Amazon sandbox (in this process, over HTTP, gzipped Cp1252), downloaded
/// by the production client and ingested into an empty channel. Target: ≥ 0.7 × raw batch-upsert throughput,
/// peak working set under 400 MB. Raw: the same N listing rows batch-upserted with the same partition layout.
/// </summary>
public sealed class IngestScenario : IBenchScenario
{
    private const string Seller = "A1SANDBOXSELLER";
    // About 100 rows per listings partition: the raw side writes full batches, its best case.
    private const int RawChunk = 6_400;

    public string Name => "ingest";

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var options = new SandboxOptions
        {
            QueueDelay = TimeSpan.Zero,
            ProcessingDelay = TimeSpan.Zero,
            EnforceRateLimits = false,
            DocumentFormat = new SandboxDocumentFormat(Charset: "Cp1252", Gzip: true),
            Sellers = [new SandboxSeller { SellerId = Seller, RefreshToken = "Atzr|bench", GeneratedListings = args.N }],
        };
        await using var sandbox = await AmazonSandboxApp.StartAsync(options, TimeProvider.System, cancellationToken);
        await new BulkSeeder(host, args.Chunk, args.Parallelism).CreateChannelAsync(cancellationToken);
        var channel = (await host.Get<ChannelStore>().GetAsync(BulkSeeder.ChannelId, cancellationToken))!;
        var client = host.Get<SpApiClientFactory>().CreateReportsClient(
            new SpApiEndpoint(sandbox.BaseUri, sandbox.TokenUri), new SpApiCredentials(options.ClientId, options.ClientSecret, "Atzr|bench"));

        BenchReport.Progress("report: request, wait, document");
        var reportId = await client.CreateReportAsync(ReportTypes.MerchantListingsAllData, ["A1PA6795UKMFR9"], cancellationToken);
        Report report;
        while ((report = await client.GetReportAsync(reportId, cancellationToken)).ProcessingStatus != ReportProcessingStatus.Done)
        {
            await Task.Delay(100, cancellationToken); // real Amazon time in the sandbox, not a synchronisation in a test
        }

        var document = await client.GetReportDocumentAsync(report.ReportDocumentId!, cancellationToken);

        BenchReport.Progress("ours: download + parse + ingest");
        host.Requests.Clear();
        var ingestor = host.Get<ListingReportIngestor>();
        var watch = Stopwatch.StartNew();
        var result = await ingestor.IngestAsync(channel, "bench-ingest", client.ReadAllListingsAsync(document, null, cancellationToken), cancellationToken);
        var ours = watch.Elapsed.TotalSeconds;
        var peakAfterOurs = Measurements.PeakWorkingSetMiB();
        if (result.Rows != args.N || result.Created != args.N)
        {
            throw new InvalidOperationException($"Ingested {result.Rows} rows ({result.Created} new), not {args.N}.");
        }

        var oursRequests = host.Requests.Snapshot();

        // The next report of the same catalogue: every listing is seen again and only its report id changes, the
        // common case of a scheduled refresh. Nothing here moves a count.
        BenchReport.Progress("ours: re-ingest (the next report, same listings)");
        host.Requests.Clear();
        watch.Restart();
        var again = await ingestor.IngestAsync(channel, "bench-ingest-2", client.ReadAllListingsAsync(document, null, cancellationToken), cancellationToken);
        var oursAgain = watch.Elapsed.TotalSeconds;
        if (again.Rows != args.N || again.Created != 0)
        {
            throw new InvalidOperationException($"Re-ingested {again.Rows} rows ({again.Created} new), not {args.N} seen again.");
        }

        BenchReport.Progress("raw: batch upserts of the same rows");
        var table = await host.FreshTableAsync("ingest", cancellationToken);
        var writer = new RawWriter(host.Get<IOptions<StorageThroughputOptions>>().Value.ListingPartitionsInFlight);
        var now = DateTimeOffset.UtcNow;
        watch.Restart();
        foreach (var chunk in Enumerable.Range(0, args.N).Select(i => ListingGenerator.Create(i, options.GeneratorSeed)).Chunk(RawChunk))
        {
            var rows = chunk.Select(l => RawRows.Listing(BulkSeeder.ChannelId, ListingReportIngestor.ToInput(new AmazonListingRow(
                l.Sku, l.Title, l.Asin, l.Price, l.Quantity, l.FulfillmentChannel, l.Status, l.ListingId, l.ProductId, l.ProductIdType, l.OpenDate)), now));
            await writer.UpsertAsync(table, rows, cancellationToken);
        }

        var raw = watch.Elapsed.TotalSeconds;

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (report rows)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("ours: seconds", ours, "s (download, gunzip, Cp1252, parse, upsert with counts, retire sweep)");
        BenchReport.Line("ours: rows/s", args.N / ours, "rows/s");
        BenchReport.Line("raw: seconds", raw, "s (batch upserts of the same rows, same partitions, 16 in flight)");
        BenchReport.Line("raw: rows/s", args.N / raw, "rows/s");
        BenchReport.Line("ratio throughput ours/raw", raw / ours, "x (target >= 0.7)");
        BenchReport.Line("ours, re-ingest: seconds", oursAgain, "s (the next report: same listings, only the report id changes)");
        BenchReport.Line("ratio re-ingest ours/raw", raw / oursAgain, "x");
        BenchReport.Line("peak working set after ingest", peakAfterOurs, "MiB (target < 400; includes the in-process sandbox)");
        BenchReport.Requests(oursRequests, "ours");
        BenchReport.Requests(host.Requests.Snapshot(), "ours, re-ingest");
        BenchReport.Memory();
    }
}
