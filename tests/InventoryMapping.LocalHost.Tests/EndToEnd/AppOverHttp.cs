using System.Net.Http.Json;
using System.Collections.Concurrent;
using InventoryMapping.LocalHost.Hosting;
using InventoryMapping.Storage;
using InventoryMapping.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>
/// The real function app in the local host on a free port, on the shared Azurite under a prefix of its own, reached
/// over real HTTP with a function key; every answer is checked against docs/openapi.json. Its log lines are kept, so a
/// test can see what an operator would see.
/// </summary>
internal sealed class AppOverHttp : IAsyncDisposable
{
    public const string Key = "app-over-http-key";

    private AppOverHttp(LocalFunctionsHost host, LogCapture log)
    {
        Host = host;
        Log = log;
        Http = new HttpClient(Conformance) { BaseAddress = host.BaseAddress };
        Http.DefaultRequestHeaders.Add("x-functions-key", Key);
    }

    public LocalFunctionsHost Host { get; }

    /// <summary>Checks each answer <see cref="Http"/> gets against docs/openapi.json (a violation fails the call).</summary>
    public OpenApiConformance Conformance { get; } = new();

    public HttpClient Http { get; }

    public LogCapture Log { get; }

    /// <param name="createStorage">False leaves the app's tables missing, so every storage call fails unexpectedly.</param>
    /// <param name="settings">App settings beyond storage; the report timers are off unless these set their schedules.</param>
    /// <param name="corsAllowedOrigins">The host's CORS origins (comma-separated), none by default.</param>
    public static async Task<AppOverHttp> StartAsync(
        bool createStorage = true, IReadOnlyDictionary<string, string?>? settings = null, string? corsAllowedOrigins = null)
    {
        settings ??= new Dictionary<string, string?>();
        var timers = settings.ContainsKey("RequestListingReportsSchedule");
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestNames.UniquePrefix();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AppStorage"] = azurite.ConnectionString,
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Storage:NamePrefix"] = prefix,
                ["JobsQueueName"] = prefix + "jobs",
                ["ImportsContainerName"] = prefix + "imports",
                ["ExportRequestsContainerName"] = prefix + "export-requests",
                // Without schedules the timers stay out of the way: such tests call the API.
                ["AzureWebJobs.RequestListingReports.Disabled"] = timers ? "false" : "true",
                ["AzureWebJobs.CollectListingReports.Disabled"] = timers ? "false" : "true",
                ["AzureWebJobs.SyncStock.Disabled"] = settings.ContainsKey("StockSyncSchedule") ? "false" : "true",
            })
            .AddInMemoryCollection(settings)
            .Build();
        var options = new LocalFunctionsHostOptions
        {
            FunctionsDirectory = FunctionsBuildOutput.Directory,
            Port = 0,
            FunctionKey = Key,
            QueuePollingInterval = TimeSpan.FromMilliseconds(100),
            HostId = prefix,
            CorsAllowedOrigins = corsAllowedOrigins,
        };
        var log = new LogCapture();
        var host = LocalFunctionsHost.Create(options, configuration, (services, _) => services.AddSingleton<ILoggerProvider>(log));
        if (createStorage)
        {
            await ActivatorUtilities.GetServiceOrCreateInstance<AppStorage>(host.Services).EnsureCreatedAsync(
                CancellationToken.None, ActivatorUtilities.GetServiceOrCreateInstance<StorageLayout>(host.Services));
        }

        try
        {
            await host.StartAsync();
        }
        catch (Exception)
        {
            await host.DisposeAsync();
            throw;
        }

        return new AppOverHttp(host, log);
    }

    /// <summary>POSTs <paramref name="body"/> chunked (no length up front), as a client streaming a large upload does.</summary>
    public async Task<HttpResponseMessage> PostChunkedAsync(string path, Stream body, string contentType)
    {
        using var content = new StreamContent(body);
        content.Headers.ContentType = new(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return await Http.SendAsync(request);
    }

    /// <summary>Creates (or replaces) an EU channel of seller A1SELLER named <paramref name="channelId"/>.</summary>
    public async Task PutChannelAsync(string channelId)
    {
        var channel = await Http.PutAsJsonAsync($"/api/channels/{channelId}", new
        {
            accountId = "A1SELLER", accountName = "Shop", region = "EU", marketplaceIds = new[] { "A1F83G8C2ARO7P" },
        });
        channel.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }

    /// <summary>Every log line written, formatted, with the exception's type when there is one.</summary>
    public sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name)}");
        }
    }
}
