using Azure.Data.Tables;
using InventoryMapping.Inventory;
using InventoryMapping.Storage;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// N items, then warm partial-SKU searches (3-6 characters of existing SKUs, half prefixes, half inner fragments).
/// Target: p95 ≤ 50 ms. Raw: one row-key range query of the suffix index for the same fragments.
/// </summary>
public sealed class SearchScenario : IBenchScenario
{
    public const int WarmUp = 10;

    public string Name => "search";

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(args.Seed);
        var skus = catalog.Skus(args.N);
        var setup = System.Diagnostics.Stopwatch.StartNew();
        await new BulkSeeder(host, args.Chunk, args.Parallelism).ItemsAsync(CatalogData.Items(catalog, skus), cancellationToken);
        var setupSeconds = setup.Elapsed.TotalSeconds;

        var fragments = Enumerable.Range(0, WarmUp + args.Queries)
            .Select(i => catalog.Fragment(skus[catalog.Random.Next(skus.Count)], prefix: i % 2 == 0))
            .ToList();

        BenchReport.Progress("searches");
        var search = host.Get<InventorySearch>();
        var hits = 0L;
        host.Requests.Clear();
        var ours = await Measurements.SampleAsync(WarmUp, args.Queries, async i =>
        {
            var page = await search.SearchAsync(fragments[i], InventorySearch.DefaultPageSize, null, cancellationToken);
            var found = page.IsSuccess ? page.Value.Items.Count : throw new InvalidOperationException($"Search '{fragments[i]}' failed: {page.Error}");
            if (i >= WarmUp)
            {
                hits += found;
            }
        });

        var requests = host.Requests.Snapshot();
        BenchReport.Progress("raw range queries");
        var index = host.Get<AppStorage>().ItemSearch;
        var raw = await Measurements.SampleAsync(WarmUp, args.Queries, i => RangeQueryAsync(index, fragments[i], cancellationToken));

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (items)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("setup (bulk seed) seconds", setupSeconds, "s");
        BenchReport.Line("queries (after warm-up)", $"{args.Queries} (+{WarmUp}), {hits / (double)args.Queries:N1} hits per page on average");
        BenchReport.Line("ours: p50", Measurements.Percentile(ours, 50), "ms");
        BenchReport.Line("ours: p95", Measurements.Percentile(ours, 95), "ms (target <= 50)");
        BenchReport.Line("ours: max", ours.Max(), "ms");
        BenchReport.Line("raw range query: p50", Measurements.Percentile(raw, 50), "ms");
        BenchReport.Line("raw range query: p95", Measurements.Percentile(raw, 95), "ms");
        BenchReport.Line("ratio p95 ours/raw", Measurements.Percentile(ours, 95) / Measurements.Percentile(raw, 95), "");
        foreach (var (kind, count, totalMs) in requests)
        {
            BenchReport.Line($"ours: {kind}", $"{count / (double)fragments.Count:N2} per search, {totalMs / count:N2} ms each on average");
        }

        BenchReport.Memory();
    }

    /// <summary>The first page (200 rows, as the search reads) of the suffix-index rows starting with the fragment.</summary>
    private static async Task RangeQueryAsync(TableClient index, string fragment, CancellationToken cancellationToken)
    {
        var encoded = TableKey.Encode(fragment.ToUpperInvariant());
        var partition = RawRows.SearchPartition(encoded);
        var upper = TableKey.PrefixUpperBound(encoded);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {encoded} and RowKey lt {upper}");
        await foreach (var page in index.QueryAsync<TableEntity>(filter, maxPerPage: 200, cancellationToken: cancellationToken).AsPages())
        {
            _ = page.Values.Count;
            break;
        }
    }
}
