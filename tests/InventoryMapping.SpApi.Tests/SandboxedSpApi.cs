using InventoryMapping.Testing;
using InventoryMapping.AmazonSandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.SpApi.Tests;

/// <summary>One test's Amazon: an in-process sandbox on a fake clock, and the production client wired by DI against it over real HTTP.</summary>
internal sealed class SandboxedSpApi : IAsyncDisposable
{
    public const string SellerId = "A1SANDBOXSELLER";
    public const string Germany = "A1PA6795UKMFR9";

    private readonly ServiceProvider _services;

    private SandboxedSpApi(FakeTimeProvider clock, SandboxHost sandbox, ServiceProvider services, SandboxOptions options)
    {
        Clock = clock;
        Sandbox = sandbox;
        _services = services;
        Endpoint = new SpApiEndpoint(sandbox.BaseUri, sandbox.TokenUri);
        Credentials = new SpApiCredentials(options.ClientId, options.ClientSecret, options.Sellers[0].RefreshToken);
        Factory = services.GetRequiredService<SpApiClientFactory>();
        Client = Factory.CreateReportsClient(Endpoint, Credentials);
    }

    /// <summary>Amazon's and the client's time; only the test and the client's short waits move it.</summary>
    public FakeTimeProvider Clock { get; }

    public SandboxHost Sandbox { get; }

    public SandboxControl Control => Sandbox.Control;

    public SpApiEndpoint Endpoint { get; }

    public SpApiCredentials Credentials { get; }

    public SpApiClientFactory Factory { get; }

    public SpApiReportsClient Client { get; }

    /// <summary>Real-time guard so a broken test fails instead of hanging; never used to synchronise.</summary>
    public CancellationToken Timeout { get; } = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    public static async Task<SandboxedSpApi> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions
        {
            QueueDelay = TimeSpan.FromSeconds(30),
            ProcessingDelay = TimeSpan.FromSeconds(60),
            Sellers = [new SandboxSeller { SellerId = SellerId, RefreshToken = "Atzr|test-" + Guid.NewGuid().ToString("N"), GeneratedListings = 50 }],
        };
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));
        var sandbox = await AmazonSandboxApp.StartAsync(options, clock, CancellationToken.None);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new SkippingClock(clock, TimeSpan.FromMinutes(30)))
            .AddSpApiClient(o =>
            {
                o.AttemptTimeout = TimeSpan.FromHours(1);
                o.DownloadIdleTimeout = TimeSpan.FromHours(1);
                o.DownloadTotalTimeout = TimeSpan.FromHours(2);
            })
            .BuildServiceProvider();
        return new SandboxedSpApi(clock, sandbox, services, options);
    }

    /// <summary>Polls getReport, moving the clock on by Amazon-like poll intervals, until the report has finished (with a deadline).</summary>
    public async Task<Report> WaitUntilFinishedAsync(string reportId)
    {
        for (var poll = 0; poll < 100; poll++)
        {
            var report = await Client.GetReportAsync(reportId, Timeout);
            if (report.ProcessingStatus is ReportProcessingStatus.Done or ReportProcessingStatus.Fatal or ReportProcessingStatus.Cancelled)
            {
                return report;
            }

            Clock.Advance(TimeSpan.FromSeconds(30));
        }

        throw new TimeoutException($"Report {reportId} did not finish within 100 polls.");
    }

    /// <summary>createReport → wait → getReportDocument → rows: the whole flow the lead's ingestion will run.</summary>
    public async Task<List<AmazonListingRow>> DownloadListingsAsync(List<MalformedReportRow>? malformed = null)
    {
        var reportId = await Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [Germany], Timeout);
        var report = await WaitUntilFinishedAsync(reportId);
        Assert.Equal(ReportProcessingStatus.Done, report.ProcessingStatus);
        var document = await Client.GetReportDocumentAsync(report.ReportDocumentId!, Timeout);
        var rows = new List<AmazonListingRow>();
        await foreach (var row in Client.ReadAllListingsAsync(document, malformed is null ? null : malformed.Add, Timeout))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>An access token straight from the sandbox's LWA endpoint, for tests that talk HTTP to it without the client.</summary>
    public async Task<string> AccessTokenAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(
            Sandbox.TokenUri,
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = Credentials.RefreshToken,
                ["client_id"] = Credentials.ClientId,
                ["client_secret"] = Credentials.ClientSecret,
            }),
            Timeout);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Timeout));
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public void ListOnly(params SandboxListing[] listings) => Control.ReplaceCatalogue(SellerId, SandboxCatalogue.Of(listings));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
