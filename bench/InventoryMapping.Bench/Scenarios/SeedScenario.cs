using System.Diagnostics;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// N listings of one channel and N items through the bulk APIs, against batch upserts of the same rows (same keys,
/// same sizes, same count) into fresh tables. Target: our throughput ≥ 0.8 × raw.
/// </summary>
public sealed class SeedScenario : IBenchScenario
{
    public string Name => "seed";

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(args.Seed);
        var skus = catalog.Skus(args.N);
        var listings = CatalogData.Listings(catalog, skus);
        var items = CatalogData.Items(catalog, skus);
        var now = DateTimeOffset.UtcNow;

        // Raw first: Azurite only grows during a run, so the baseline gets the fresher server.
        BenchReport.Progress("raw baseline: listings");
        var raw = new RawSeeder(args.Chunk, args.Parallelism);
        var rawListingsTable = await host.FreshTableAsync("Listings", cancellationToken);
        var rawItemTables = await RawItemTables.CreateAsync(host, cancellationToken);
        var watch = Stopwatch.StartNew();
        await raw.ListingsAsync(rawListingsTable, BulkSeeder.ChannelId, listings, now, cancellationToken);
        var rawListingSeconds = watch.Elapsed.TotalSeconds;
        BenchReport.Progress("raw baseline: items");
        await raw.ItemsAsync(rawItemTables, items, now, cancellationToken);
        var rawSeconds = watch.Elapsed.TotalSeconds;

        var seeder = new BulkSeeder(host, args.Chunk, args.Parallelism);
        await seeder.CreateChannelAsync(cancellationToken);
        host.Requests.Clear();
        watch.Restart();
        await seeder.ListingsAsync(listings, cancellationToken);
        var listingSeconds = watch.Elapsed.TotalSeconds;
        await seeder.ItemsAsync(items, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;

        var counts = (await host.Get<ChannelSummaryService>().SummaryAsync(BulkSeeder.ChannelId, cancellationToken)).Value!.Counts;
        if (counts.Total != args.N)
        {
            throw new InvalidOperationException($"The channel counts {counts.Total} listings, not {args.N}.");
        }

        var entities = raw.Entities;
        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (listings, and items)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        BenchReport.Line("chunk / parallelism", $"{args.Chunk} / {args.Parallelism}");
        BenchReport.Line("entities written (each side)", $"{entities:N0} = {raw.Listings:N0} listings + {raw.CountRows:N0} count-row writes + {raw.Items:N0} items + {raw.SkuRows:N0} SKU rows + {raw.ChangeRows:N0} change-log rows");
        BenchReport.Line("ours: seconds", seconds, "s");
        BenchReport.Line("ours: listings phase", listingSeconds, "s");
        BenchReport.Line("ours: items phase", seconds - listingSeconds, "s");
        BenchReport.Line("ours: entities/s", entities / seconds, "");
        BenchReport.Line("ours: listings+items/s", 2.0 * args.N / seconds, "");
        BenchReport.Line("raw: seconds", rawSeconds, "s");
        BenchReport.Line("raw: listings phase", rawListingSeconds, "s");
        BenchReport.Line("raw: items phase", rawSeconds - rawListingSeconds, "s");
        BenchReport.Line("raw: entities/s", entities / rawSeconds, "");
        BenchReport.Line("raw: listings+items/s", 2.0 * args.N / rawSeconds, "");
        BenchReport.Line("ratio ours/raw throughput", rawSeconds / seconds, "(target >= 0.8)");
        BenchReport.Line("ratio listings phase", rawListingSeconds / listingSeconds, "");
        BenchReport.Line("ratio items phase", (rawSeconds - rawListingSeconds) / (seconds - listingSeconds), "");
        BenchReport.Requests(host.Requests, "ours");
        BenchReport.Memory();
    }
}
