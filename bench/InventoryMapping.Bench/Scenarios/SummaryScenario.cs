using Azure.Data.Tables;
using InventoryMapping.Mapping;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>N listings, then the channel summary (exact counts) again and again. Target: p95 ≤ 20 ms. Raw: one point read.</summary>
public sealed class SummaryScenario : IBenchScenario
{
    public const int WarmUp = 10;

    /// <summary>Partitions of the Channels table: channels and their counts rows (the entities are internal to the app).</summary>
    private const string ChannelPartition = "channel";
    private const string CountsPartition = "counts";

    public string Name => "summary";

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(args.Seed);
        var skus = catalog.Skus(args.N);
        var seeder = new BulkSeeder(host, args.Chunk, args.Parallelism);
        await seeder.CreateChannelAsync(cancellationToken);
        var setup = System.Diagnostics.Stopwatch.StartNew();
        await seeder.ListingsAsync(CatalogData.Listings(catalog, skus), cancellationToken);
        var setupSeconds = setup.Elapsed.TotalSeconds;

        BenchReport.Progress("summaries");
        var service = host.Get<ChannelSummaryService>();
        host.Requests.Clear();
        var ours = await Measurements.SampleAsync(WarmUp, args.Queries, async _ =>
        {
            var counts = (await service.SummaryAsync(BulkSeeder.ChannelId, cancellationToken)).Value?.Counts;
            if (counts?.Total != args.N)
            {
                throw new InvalidOperationException($"The summary counts {counts?.Total} listings, not {args.N}.");
            }
        });

        var requests = host.Requests.Snapshot();
        BenchReport.Progress("raw point reads");
        var table = host.Tables.GetTableClient(host.Get<AppStorage>().Listings.Name);
        var raw = await Measurements.SampleAsync(WarmUp, args.Queries, async _ =>
        {
            var listingId = ListingIds.FromSku(skus[catalog.Random.Next(skus.Count)]);
            var row = await table.GetEntityIfExistsAsync<TableEntity>(ListingPartition.PartitionKeyOf(BulkSeeder.ChannelId, listingId), listingId, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                throw new InvalidOperationException($"Listing {listingId} is missing.");
            }
        });

        // The summary's own requests without its code, at once: the channel row, the channel's counts row, the report
        // state row and the latest report request (a one-row query).
        var storage = host.Get<AppStorage>();
        var shape = await Measurements.SampleAsync(WarmUp, args.Queries, _ => Task.WhenAll(
            storage.Channels.GetEntityIfExistsAsync<TableEntity>(ChannelPartition, BulkSeeder.ChannelId, cancellationToken: cancellationToken),
            storage.Channels.GetEntityIfExistsAsync<TableEntity>(CountsPartition, BulkSeeder.ChannelId, cancellationToken: cancellationToken),
            storage.ReportRequests.GetEntityIfExistsAsync<TableEntity>(BulkSeeder.ChannelId, "!state", cancellationToken: cancellationToken),
            storage.ReportRequests.ReadPageAsync<TableEntity>($"PartitionKey eq '{BulkSeeder.ChannelId}' and RowKey gt '!state'", continuation: null, pageSize: 1, cancellationToken)));

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (listings)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("setup (bulk seed) seconds", setupSeconds, "s");
        BenchReport.Line("summaries (after warm-up)", $"{args.Queries} (+{WarmUp})");
        BenchReport.Line("ours: p50", Measurements.Percentile(ours, 50), "ms");
        BenchReport.Line("ours: p95", Measurements.Percentile(ours, 95), "ms (target <= 20)");
        BenchReport.Line("ours: max", ours.Max(), "ms");
        BenchReport.Line("raw point read: p50", Measurements.Percentile(raw, 50), "ms");
        BenchReport.Line("raw point read: p95", Measurements.Percentile(raw, 95), "ms");
        BenchReport.Line("ratio p95 ours/raw", Measurements.Percentile(ours, 95) / Measurements.Percentile(raw, 95), "");
        BenchReport.Line("raw summary requests at once: p50", Measurements.Percentile(shape, 50), "ms");
        BenchReport.Line("raw summary requests at once: p95", Measurements.Percentile(shape, 95), "ms");
        foreach (var (kind, count, totalMs) in requests)
        {
            BenchReport.Line($"ours: {kind}", $"{count / (double)(WarmUp + args.Queries):N2} per summary, {totalMs / count:N2} ms each on average");
        }

        BenchReport.Memory();
    }
}
