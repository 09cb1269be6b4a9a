using InventoryMapping.AmazonSandbox;
using InventoryMapping.Channels;
using InventoryMapping.Functions.ListingReports;
using InventoryMapping.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.Functions.Tests.Support;

/// <summary>
/// The app on Azurite talking to an in-process Amazon sandbox over HTTP with the production SP-API client. App and
/// Amazon share one fake clock: tests move time, and the client's short waits (back-off, rate limits) move it too.
/// </summary>
public sealed class AmazonWorld : IAsyncDisposable
{
    public const string SellerId = "A1SANDBOXSELLER";
    public const string Marketplace = "A1PA6795UKMFR9";
    public const string ChannelId = "de-shop";

    private AmazonWorld(TestServices app, SandboxHost sandbox, string refreshToken)
    {
        App = app;
        Sandbox = sandbox;
        RefreshToken = refreshToken;
    }

    public TestServices App { get; }

    public SandboxHost Sandbox { get; }

    public SandboxControl Amazon => Sandbox.Control;

    public FunctionApi Api => new(App);

    public string RefreshToken { get; }

    /// <summary>Real-time guard so a broken test fails instead of hanging; never used to synchronise.</summary>
    public CancellationToken Timeout { get; } = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    /// <param name="otherChannels">More channels (ids <c>shop-1</c>…), each its own seller with the same catalogue.</param>
    /// <param name="settings">App settings on top of the world's own.</param>
    /// <param name="marketplaceIds">The main channel's marketplaces; <see cref="Marketplace"/> alone by default.</param>
    public static async Task<AmazonWorld> StartAsync(
        IEnumerable<SandboxListing> catalogue,
        bool autoLinkBySku = false,
        string? refreshToken = null,
        int otherChannels = 0,
        IReadOnlyDictionary<string, string?>? settings = null,
        IReadOnlyList<string>? marketplaceIds = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sellerToken = "Atzr|test-" + Guid.NewGuid().ToString("N");
        var options = new SandboxOptions
        {
            QueueDelay = TimeSpan.FromSeconds(30),
            ProcessingDelay = TimeSpan.FromSeconds(90),
            Sellers = [new SandboxSeller { SellerId = SellerId, RefreshToken = sellerToken, GeneratedListings = 0 }],
        };
        var sandbox = await AmazonSandboxApp.StartAsync(options, clock, CancellationToken.None);
        sandbox.Control.ReplaceCatalogue(SellerId, SandboxCatalogue.Of(catalogue));
        var appSettings = new Dictionary<string, string?>
        {
            ["SpApi:Endpoints:EU"] = sandbox.BaseUri.ToString(),
            // Channels of other regions talk to the same sandbox (the channel's seller is what it goes by).
            ["SpApi:Endpoints:NA"] = sandbox.BaseUri.ToString(),
            ["SpApi:Endpoints:FE"] = sandbox.BaseUri.ToString(),
            ["SpApi:TokenEndpoint"] = sandbox.TokenUri.ToString(),
            ["SpApi:AttemptTimeout"] = "01:00:00",
            // Longer than the clock's skips, so the download deadlines fire only when a test moves time past them.
            ["SpApi:DownloadIdleTimeout"] = "01:00:00",
            ["SpApi:DownloadTotalTimeout"] = "02:00:00",
            [$"ChannelCredentials:Channels:{ChannelId}:ClientId"] = options.ClientId,
            [$"ChannelCredentials:Channels:{ChannelId}:ClientSecret"] = options.ClientSecret,
            [$"ChannelCredentials:Channels:{ChannelId}:RefreshToken"] = refreshToken ?? sellerToken,
        };
        var listings = catalogue.ToList();
        sandbox.Control.ReplaceCatalogue(SellerId, SandboxCatalogue.Of(listings));
        for (var i = 1; i <= otherChannels; i++)
        {
            var token = $"Atzr|other-{i}-" + Guid.NewGuid().ToString("N");
            sandbox.Control.AddSeller(OtherSeller(i), token);
            sandbox.Control.ReplaceCatalogue(OtherSeller(i), SandboxCatalogue.Of(listings));
            appSettings[$"ChannelCredentials:Channels:{OtherChannel(i)}:ClientId"] = options.ClientId;
            appSettings[$"ChannelCredentials:Channels:{OtherChannel(i)}:ClientSecret"] = options.ClientSecret;
            appSettings[$"ChannelCredentials:Channels:{OtherChannel(i)}:RefreshToken"] = token;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            appSettings[key] = value;
        }

        var app = await TestServices.StartAsync(
            services => services.AddHttpApi().AddSingleton<TimeProvider>(new SkippingClock(clock, TimeSpan.FromMinutes(30))),
            settings: appSettings,
            clock: clock);
        var world = new AmazonWorld(app, sandbox, sellerToken);
        var channel = await app.Get<ChannelService>().PutAsync(
            ChannelId, new ChannelDefinition(SellerId, "DE shop", "EU", marketplaceIds ?? [Marketplace], null, autoLinkBySku, null), null, world.Timeout);
        Assert.True(channel.IsSuccess, channel.Error?.Detail);
        for (var i = 1; i <= otherChannels; i++)
        {
            var other = await app.Get<ChannelService>().PutAsync(
                OtherChannel(i), new ChannelDefinition(OtherSeller(i), $"Shop {i}", "EU", [Marketplace], null, false, null), null, world.Timeout);
            Assert.True(other.IsSuccess, other.Error?.Detail);
        }

        return world;
    }

    public static string OtherChannel(int i) => $"shop-{i}";

    public static string OtherSeller(int i) => $"A1OTHERSELLER{i}";

    /// <summary>Runs the collect timer once a minute of Amazon time until no channel's latest request is with Amazon or with us (with a cap).</summary>
    public async Task CollectUntilAllSettledAsync(IEnumerable<string> channelIds, int maxMinutes = 120)
    {
        var ids = channelIds.ToList();
        for (var minute = 0; minute < maxMinutes; minute++)
        {
            try
            {
                await CollectTimerAsync();
            }
            catch (AggregateException)
            {
                // A channel's failure is reported by the run; the test looks at each channel's outcome.
            }

            var pending = false;
            foreach (var id in ids)
            {
                var latest = await App.Get<InventoryMapping.ListingReports.ReportRequestStore>().GetLatestAsync(id, Timeout);
                pending |= latest?.Status is InventoryMapping.ListingReports.ReportRequestStatus.Requested
                    or InventoryMapping.ListingReports.ReportRequestStatus.InProgress
                    or InventoryMapping.ListingReports.ReportRequestStatus.Ingesting;
            }

            if (!pending)
            {
                return;
            }

            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        throw new TimeoutException($"The reports did not settle within {maxMinutes} collect runs.");
    }

    public Task RequestTimerAsync() => Functions().Request(new TimerInfo(), Timeout);

    public Task CollectTimerAsync() => Functions().Collect(new TimerInfo(), Timeout);

    /// <summary>Runs the collect timer once a minute of Amazon time until the latest request has left Amazon's hands (with a cap).</summary>
    public async Task CollectUntilSettledAsync(int maxMinutes = 30)
    {
        for (var minute = 0; minute < maxMinutes; minute++)
        {
            await CollectTimerAsync();
            var state = await App.Get<InventoryMapping.ListingReports.ReportRequestStore>().GetLatestAsync(ChannelId, Timeout);
            if (state?.Status is not (InventoryMapping.ListingReports.ReportRequestStatus.Requested or InventoryMapping.ListingReports.ReportRequestStatus.InProgress or InventoryMapping.ListingReports.ReportRequestStatus.Ingesting))
            {
                return;
            }

            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        throw new TimeoutException($"The report did not settle within {maxMinutes} collect runs.");
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    private ListingReportFunctions Functions() => ActivatorUtilities.CreateInstance<ListingReportFunctions>(App.Services);
}
