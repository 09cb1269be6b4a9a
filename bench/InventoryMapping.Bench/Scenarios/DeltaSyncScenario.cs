using System.Diagnostics;
using System.Globalization;
using InventoryMapping.Inventory;
using InventoryMapping.Locations;
using InventoryMapping.StockSync;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// 1,000 stock changes among N linked listings, then the delta sync that sends them: storage requests (counted) and
/// time must follow the 1,000, not N. Run at several N: the request counts per change stay the same.
/// </summary>
public sealed class DeltaSyncScenario : IBenchScenario
{
    private const int Changes = 1_000;
    private const int ChangesInFlight = 8;
    private static readonly TimeSpan Schedule = TimeSpan.FromMinutes(5);

    public string Name => "delta-sync";

    public bool NeedsStorage => false;

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        if (args.N < Changes)
        {
            throw new ArgumentException($"--n must be at least {Changes}.");
        }

        await using var world = await StockBenchWorld.StartAsync(new Dictionary<string, string?>(), cancellationToken);
        var itemIds = await world.SeedAsync(args.N, args.Seed, cancellationToken);
        var random = new Random(args.Seed);
        var changed = itemIds.OrderBy(_ => random.Next()).Take(Changes).ToList();

        // The first round is also the first sync of those listings, which claims their SKUs (SkuClaims); the second
        // changes the same items again: the steady state of a delta sync.
        var levels = changed.ToDictionary(c => c.Key, _ => random.Next(100, 1000), StringComparer.Ordinal);
        var first = await RoundAsync(world, changed, levels, "first round", cancellationToken);
        var second = await RoundAsync(world, changed, levels.ToDictionary(l => l.Key, l => l.Value + 1, StringComparer.Ordinal), "second round", cancellationToken);

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (linked listings)", args.N.ToString("N0", CultureInfo.InvariantCulture));
        BenchReport.Line("stock changes per round", Changes.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (title, round) in new[] { ("first round", first), ("second round", second) })
        {
            BenchReport.Line($"{title}: changes wall s", round.ChangeSeconds, $"s ({ChangesInFlight} in flight)");
            BenchReport.Line($"{title}: requests per change", round.ChangeRequests.Sum(r => r.Count) / (double)Changes, "");
            BenchReport.Line($"{title}: sync runs", round.Runs.ToString(CultureInfo.InvariantCulture));
            BenchReport.Line($"{title}: sync wall s", round.SyncSeconds, "s (plan, feed, apply; Amazon's waits jumped over)");
            BenchReport.Line($"{title}: sync requests", round.SyncRequests.Sum(r => r.Count), "");
            BenchReport.Line($"{title}: sync requests per change", round.SyncRequests.Sum(r => r.Count) / (double)Changes, "");
        }

        var state = await world.Host.Get<StockSyncService>().StateAsync(BulkSeeder.ChannelId, cancellationToken);
        BenchReport.Line("latest submission", $"{state.Latest?.Status}, {state.Latest?.Transport}, {state.Latest?.Messages:N0} messages, {state.Latest?.Succeeded:N0} applied");
        BenchReport.Requests(first.ChangeRequests, "first round, changes");
        BenchReport.Requests(first.SyncRequests, "first round, sync");
        BenchReport.Requests(second.ChangeRequests, "second round, changes");
        BenchReport.Requests(second.SyncRequests, "second round, sync");
        BenchReport.Memory();
    }

    /// <summary>Sets a new stock level on each item, then runs SyncStock until Amazon has exactly those quantities.</summary>
    private static async Task<Round> RoundAsync(
        StockBenchWorld world, IReadOnlyList<KeyValuePair<string, string>> changed, Dictionary<string, int> levels, string title, CancellationToken cancellationToken)
    {
        BenchReport.Progress($"{title}: {Changes:N0} stock changes");
        world.Host.Requests.Clear();
        var inventory = world.Host.Get<InventoryService>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = ChangesInFlight, CancellationToken = cancellationToken }, async (c, ct) =>
        {
            var result = await inventory.SetStockAsync(c.Value, LocationService.BuiltInLocationId, levels[c.Key], ifMatch: null, ct);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Setting the stock of {c.Key} failed: {result.Error}");
            }
        });
        var changeSeconds = watch.Elapsed.TotalSeconds;
        var changeRequests = world.Host.Requests.Snapshot();

        BenchReport.Progress($"{title}: SyncStock until Amazon's processing report is on the listings");
        world.Clock.Advance(world.Host.Get<IOptions<StockSyncOptions>>().Value.MarkSettleTime);
        world.Host.Requests.Clear();
        watch.Restart();
        var runs = await world.SyncUntilSettledAsync(Schedule, cancellationToken);
        var syncSeconds = watch.Elapsed.TotalSeconds;
        var syncRequests = world.Host.Requests.Snapshot();

        var received = world.Sandbox.Control.Quantities(StockBenchWorld.Seller);
        if (received.Count != Changes || changed.Any(c => received.GetValueOrDefault(c.Key, -1) != levels[c.Key]))
        {
            throw new InvalidOperationException($"Amazon has {received.Count} quantities, not exactly the {Changes} changed ones at their new levels.");
        }

        return new Round(changeSeconds, changeRequests, runs, syncSeconds, syncRequests);
    }

    private sealed record Round(
        double ChangeSeconds, IReadOnlyList<(string Kind, long Count, double TotalMs)> ChangeRequests, int Runs, double SyncSeconds, IReadOnlyList<(string Kind, long Count, double TotalMs)> SyncRequests);
}
