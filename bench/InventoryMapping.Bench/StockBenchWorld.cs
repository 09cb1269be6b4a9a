using System.Diagnostics;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.StockMarks;
using InventoryMapping.StockSync;
using InventoryMapping.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.Bench;

/// <summary>
/// The app and the in-process Amazon sandbox (over HTTP, enforcing Amazon's rate limits) on one timeline: a clock that
/// runs with the wall clock (so our own work takes its real time, and Amazon's buckets refill meanwhile, as they
/// would) and jumps over every wait of the client (a rate-limit token, a back-off), so the minutes Amazon's limits
/// impose cost no real time. The timeline is what a real run would take; its part beyond the wall clock is waiting.
/// Seeds N eligible linked listings (merchant-fulfilled, listed), their items and index rows straight into the app's tables.
/// </summary>
public sealed class StockBenchWorld : IAsyncDisposable
{
    public const string Seller = "A1BENCHSELLER";

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;

    private StockBenchWorld(BenchHost host, SandboxHost sandbox, FakeTimeProvider clock)
    {
        Host = host;
        Sandbox = sandbox;
        Clock = clock;
        _ticker = Task.Run(() => FollowWallClockAsync(_stop.Token));
    }

    public BenchHost Host { get; }

    public SandboxHost Sandbox { get; }

    /// <summary>The timeline of app and sandbox (wall time plus the waits jumped over).</summary>
    public FakeTimeProvider Clock { get; }

    public static async Task<StockBenchWorld> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var token = "Atzr|bench-" + Guid.NewGuid().ToString("N");
        var sandbox = await AmazonSandboxApp.StartAsync(
            new SandboxOptions
            {
                FeedQueueDelay = TimeSpan.FromMinutes(1),
                FeedProcessingDelay = TimeSpan.FromMinutes(2),
                Sellers = [new SandboxSeller { SellerId = Seller, RefreshToken = token, GeneratedListings = 0 }],
            },
            clock,
            cancellationToken);
        var all = new Dictionary<string, string?>
        {
            ["SpApi:Endpoints:EU"] = sandbox.BaseUri.ToString(),
            ["SpApi:TokenEndpoint"] = sandbox.TokenUri.ToString(),
            // Longer than the clock's jumps, so that no attempt or download deadline fires because time jumped.
            ["SpApi:AttemptTimeout"] = "01:00:00",
            ["SpApi:DownloadIdleTimeout"] = "01:00:00",
            ["SpApi:DownloadTotalTimeout"] = "02:00:00",
            [$"ChannelCredentials:Channels:{BulkSeeder.ChannelId}:ClientId"] = sandbox.Control.Options.ClientId,
            [$"ChannelCredentials:Channels:{BulkSeeder.ChannelId}:ClientSecret"] = sandbox.Control.Options.ClientSecret,
            [$"ChannelCredentials:Channels:{BulkSeeder.ChannelId}:RefreshToken"] = token,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var host = await BenchHost.StartAsync(all, services => services.AddSingleton<TimeProvider>(new SkippingClock(clock, TimeSpan.FromMinutes(30))));
        await new BulkSeeder(host, 5000, 1).CreateChannelAsync(cancellationToken);
        return new StockBenchWorld(host, sandbox, clock);
    }

    public async Task<Channel> ChannelAsync(CancellationToken cancellationToken) =>
        await Host.Get<ChannelStore>().GetAsync(BulkSeeder.ChannelId, cancellationToken) ?? throw new InvalidOperationException("The bench channel is gone.");

    /// <summary>N linked listings with their items (stock 1–100 at the default location) and index rows; returns the item ids by SKU.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SeedAsync(int n, int seed, CancellationToken cancellationToken)
    {
        var catalog = new SyntheticCatalog(seed);
        var skus = catalog.Skus(n);
        var random = new Random(seed);
        var listings = skus.Select(sku => new ListingInput(sku, catalog.Title(sku), Quantity: 1, IsFba: false, Status: ListingStatus.Active)).ToList();
        var items = skus.Select(sku => new ItemDefinition(sku, catalog.Title(sku), StockLevels: new Dictionary<string, int> { [Locations.LocationService.BuiltInLocationId] = random.Next(1, 100) })).ToList();
        var storage = Host.Get<Storage.AppStorage>();
        var now = DateTimeOffset.UtcNow;
        var raw = new RawSeeder(5000, 4);
        var itemIds = await raw.ItemsAsync(new RawItemTables(storage.Items, storage.ItemSkus, ItemChanges: null), items, now, cancellationToken);
        BenchReport.Progress($"seed: {n:N0} items");
        await raw.ListingsAsync(storage.Listings, BulkSeeder.ChannelId, listings, now, cancellationToken);
        await new RawWriter(16).UpsertAsync(
            storage.Listings,
            listings.Select(l => RawRows.Linked(RawRows.Listing(BulkSeeder.ChannelId, l, now), new ItemReference(itemIds[l.Sku!], l.Sku!), "seed", now)),
            cancellationToken);
        BenchReport.Progress($"seed: {n:N0} linked listings");
        await Host.Get<ItemListingIndex>().AddAsync(
            [.. skus.Select(sku => new IndexedListing(itemIds[sku], BulkSeeder.ChannelId, Storage.TableKey.Encode(sku)))], cancellationToken);
        BenchReport.Progress($"seed: {n:N0} item → listing index rows");
        Sandbox.Control.ReplaceCatalogue(Seller, SandboxCatalogue.Of(skus.Select(sku => new SandboxListing(sku, "t", "B000000001", 1m, 1))));
        // Recorded as checked for the channel's rules, so that the first sync run starts no resync job.
        await Host.Get<StockSyncRows>().OnRulesChangeAsync(await ChannelAsync(cancellationToken), () => Task.CompletedTask, cancellationToken);
        return itemIds;
    }

    private async Task FollowWallClockAsync(CancellationToken cancellationToken)
    {
        var last = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Stopwatch.GetTimestamp();
                Clock.Advance(Stopwatch.GetElapsedTime(last, now));
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>SyncStock on the channel every <paramref name="schedule"/> of the timeline until nothing is in flight or marked; returns the runs.</summary>
    public async Task<int> SyncUntilSettledAsync(TimeSpan schedule, CancellationToken cancellationToken, int maxRuns = 200)
    {
        var channel = await ChannelAsync(cancellationToken);
        var sync = Host.Get<StockSyncService>();
        for (var run = 1; run <= maxRuns; run++)
        {
            await sync.RunChannelAsync(channel, cancellationToken);
            var state = await sync.StateAsync(BulkSeeder.ChannelId, cancellationToken);
            if (state.Pending == 0 && state.Latest?.Status is not (StockSubmissionStatus.Planning or StockSubmissionStatus.Submitting or StockSubmissionStatus.Processing or StockSubmissionStatus.Held))
            {
                return run;
            }

            Clock.Advance(schedule);
        }

        throw new InvalidOperationException($"The stock sync did not settle in {maxRuns} runs.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticker;
        await Host.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
