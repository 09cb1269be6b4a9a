using System.Diagnostics;
using System.Globalization;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.StockSync;

namespace InventoryMapping.Bench.Scenarios;

/// <summary>
/// Force Update of N eligible linked listings against the sandbox enforcing Amazon's limits, from an account whose
/// allowance is spent (every bucket empty, <c>SandboxHost.DrainRateLimits</c>). Amazon's minimum for M messages:
/// ⌈M / 25,000⌉ feeds, and with empty buckets the k-th createFeed can go at k / 0.0083 s (createFeed restores one
/// token per 120.5 s; the feed type's 5 per 5 minutes and createFeedDocument's 0.5/s are looser). Target: ≥ 0.9 of
/// that throughput. The timeline is the wall clock plus the waits the client jumped over (<see cref="StockBenchWorld"/>).
/// </summary>
public sealed class ForceUpdateScenario : IBenchScenario
{
    private static readonly TimeSpan Schedule = TimeSpan.FromMinutes(5);

    public string Name => "force-update";

    public bool NeedsStorage => false;

    public async Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        await using var world = await StockBenchWorld.StartAsync(
            new Dictionary<string, string?> { ["StockSync:MessagesPerFeed"] = args.MessagesPerFeed.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        var watch = Stopwatch.StartNew();
        await world.SeedAsync(args.N, args.Seed, cancellationToken);
        var seedSeconds = watch.Elapsed.TotalSeconds;

        BenchReport.Progress("Force Update: the job marks every eligible listing");
        world.Host.Requests.Clear();
        watch.Restart();
        var started = await world.Host.Get<StockJobs>().StartForceUpdateAsync(BulkSeeder.ChannelId, dryRun: false, cancellationToken);
        var (job, jobRuns) = await JobRun.ToEndAsync(world.Host, started.Value!.JobId, cancellationToken);
        var jobSeconds = watch.Elapsed.TotalSeconds;
        var jobRequests = world.Host.Requests.Snapshot();

        // The marks settle; then the account has spent its allowance, and the sync starts.
        world.Clock.Advance(world.Host.Get<Microsoft.Extensions.Options.IOptions<StockSyncOptions>>().Value.MarkSettleTime);
        world.Sandbox.DrainRateLimits(StockBenchWorld.Seller);
        var start = world.Clock.GetUtcNow();
        world.Host.Requests.Clear();
        BenchReport.Progress("SyncStock: plan, feeds, then every 5 simulated minutes until applied");
        watch.Restart();
        var channel = await world.ChannelAsync(cancellationToken);
        await world.Host.Get<StockSyncService>().RunChannelAsync(channel, cancellationToken);
        var firstRunSeconds = watch.Elapsed.TotalSeconds;
        var runs = 1 + await world.SyncUntilSettledAsync(Schedule, cancellationToken);
        var syncSeconds = watch.Elapsed.TotalSeconds;
        var timeline = (world.Clock.GetUtcNow() - start).TotalSeconds;

        var feeds = world.Sandbox.Control.CreatedFeeds(StockBenchWorld.Seller);
        var received = world.Sandbox.Control.Received(StockBenchWorld.Seller);
        if (received.Count != args.N || received.Select(r => r.Sku).Distinct(StringComparer.Ordinal).Count() != args.N)
        {
            throw new InvalidOperationException($"Amazon received {received.Count} quantities, not one for each of the {args.N} listings.");
        }

        var lastCreated = (feeds[^1].CreatedTime - start).TotalSeconds;
        var minimum = Math.Ceiling(args.N / (double)args.MessagesPerFeed) / 0.0083;
        var calls = world.Sandbox.Control.RequestCounts();
        var state = await world.Host.Get<StockSyncService>().StateAsync(BulkSeeder.ChannelId, cancellationToken);

        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (eligible linked listings)", args.N.ToString("N0", CultureInfo.InvariantCulture));
        BenchReport.Line("seed (untimed set-up)", seedSeconds, "s");
        BenchReport.Line("job: wall seconds", jobSeconds, $"s ({jobRuns} invocation(s), {job.Progress.Done:N0} listings read, marks + index rows written)");
        BenchReport.Line("feeds", feeds.Count.ToString(CultureInfo.InvariantCulture));
        BenchReport.Line("messages per feed", string.Join(", ", received.GroupBy(r => r.SubmissionId).Select(g => g.Count().ToString("N0", CultureInfo.InvariantCulture))));
        BenchReport.Line("SP-API calls", string.Join(", ", calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        BenchReport.Line("429s (Amazon's answer to a spent allowance)", string.Join(", ", calls.Keys.Append("JSON_LISTINGS_FEED").Select(k => (k, n: world.Sandbox.Control.ThrottledCount(k))).Where(t => t.n > 0).Select(t => $"{t.k} {t.n}")));
        BenchReport.Line("Amazon's minimum to the last createFeed", minimum, "s (feeds x 120.5 s, from empty buckets)");
        BenchReport.Line("ours: s to the last createFeed", lastCreated, "s (timeline: our work + Amazon's waits)");
        BenchReport.Line("ours: wall s of the run that sent them", firstRunSeconds, "s (plan: marks, listings, items; plan blob; documents, uploads, createFeeds)");
        BenchReport.Line("ratio of the limit's throughput", minimum / lastCreated, "x (target >= 0.9)");
        BenchReport.Line("sync: runs until applied", runs.ToString(CultureInfo.InvariantCulture));
        BenchReport.Line("sync: s until applied", timeline, $"s (timeline; SyncStock every {Schedule.TotalMinutes:0} min; feeds DONE 3 min after createFeed)");
        BenchReport.Line("sync: wall s of all runs", syncSeconds, "s");
        BenchReport.Line("latest submission", $"{state.Latest?.Status}, {state.Latest?.Succeeded:N0} applied, {state.Latest?.Failed:N0} refused");
        BenchReport.Requests(jobRequests, "job");
        BenchReport.Requests(world.Host.Requests.Snapshot(), "sync");
        BenchReport.Memory();
    }
}
