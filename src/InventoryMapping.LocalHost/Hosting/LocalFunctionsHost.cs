using System.Net;
using InventoryMapping.LocalHost.Admin;
using InventoryMapping.LocalHost.Blobs;
using InventoryMapping.LocalHost.Http;
using InventoryMapping.LocalHost.Invocation;
using InventoryMapping.LocalHost.Metadata;
using InventoryMapping.LocalHost.Queues;
using InventoryMapping.LocalHost.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.LocalHost.Hosting;

/// <summary>
/// Runs the functions of an isolated-worker build output in-process, without the Azure Functions host: HTTP triggers
/// on Kestrel, timer triggers on their NCRONTAB schedules, queue and blob triggers by polling storage. What it runs
/// comes only from functions.metadata and host.json; the app's services come from the caller's registration callback.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FunctionCatalog _catalog;

    private LocalFunctionsHost(WebApplication app, FunctionCatalog catalog)
    {
        _app = app;
        _catalog = catalog;
    }

    /// <summary>Every function listed in functions.metadata, including those the host skipped.</summary>
    public IReadOnlyList<FunctionMetadata> Functions => _catalog.All;

    /// <summary>The functions the host runs.</summary>
    public IReadOnlyList<FunctionMetadata> RunningFunctions => [.. _catalog.Runnable.Select(f => f.Metadata)];

    /// <summary>Functions the host skipped and bindings it ignores, as logged at start-up.</summary>
    public IReadOnlyList<string> Warnings => _catalog.Warnings;

    public IServiceProvider Services => _app.Services;

    /// <summary>The HTTP address, known once the host has started (e.g. <c>http://127.0.0.1:54321/</c> for port 0).</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The host has not started.");
            return new Uri(first.EndsWith('/') ? first : first + "/");
        }
    }

    /// <summary>
    /// A host configured like an ASP.NET Core app: appsettings.json beside the host, then the function app's
    /// local.settings.json (found in or above the functions folder or the current folder), environment variables and
    /// the command line, later ones winning. Options come from the <c>LocalHost</c> section.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configureServices">
    /// Services beyond the app's own. The app's own services and worker middleware come from its <c>ConfigureWorker</c>
    /// method (see <see cref="WorkerStartup"/>) when it has one; an app without one registers its services here.
    /// </param>
    /// <param name="defaultFunctionsDirectory">Used when <c>LocalHost:FunctionsDirectory</c> is not configured.</param>
    public static LocalFunctionsHost Create(
        string[] args, Action<IServiceCollection, IConfiguration>? configureServices, string? defaultFunctionsDirectory = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = EnvironmentName(),
        });
        var functionsDirectory = builder.Configuration[$"{LocalFunctionsHostOptions.Section}:{nameof(LocalFunctionsHostOptions.FunctionsDirectory)}"]
            ?? defaultFunctionsDirectory;
        var localSettings = builder.Configuration[$"{LocalFunctionsHostOptions.Section}:LocalSettingsFile"]
            ?? LocalSettingsFile.Find(functionsDirectory, Directory.GetCurrentDirectory());
        if (localSettings is not null)
        {
            // Below environment variables and the command line, as an app setting set in the shell overrides the file.
            var sources = builder.Configuration.Sources;
            var afterFiles = sources.Select((source, index) => (source, index)).LastOrDefault(s => s.source is JsonConfigurationSource).index + 1;
            sources.Insert(afterFiles, new MemoryConfigurationSource { InitialData = LocalSettingsFile.Read(localSettings) });
        }

        var options = builder.Configuration.GetSection(LocalFunctionsHostOptions.Section).Get<LocalFunctionsHostOptions>() ?? new();
        options.FunctionsDirectory ??= defaultFunctionsDirectory;
        return Build(builder, options, configureServices, localSettings);
    }

    /// <summary>A host with explicit options and configuration only (no appsettings, environment or command line).</summary>
    /// <param name="configureServices">Services beyond the app's own (as in the other overload), e.g. test doubles.</param>
    public static LocalFunctionsHost Create(
        LocalFunctionsHostOptions options, IConfiguration configuration, Action<IServiceCollection, IConfiguration>? configureServices)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = configuration["AZURE_FUNCTIONS_ENVIRONMENT"] ?? Environments.Development,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        return Build(builder, options, configureServices, localSettings: null);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task RunAsync(CancellationToken cancellationToken = default) => _app.RunAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    // Like Core Tools, which runs apps as Development unless told otherwise (scope validation included).
    private static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environments.Development;

    private static LocalFunctionsHost Build(
        WebApplicationBuilder builder,
        LocalFunctionsHostOptions options,
        Action<IServiceCollection, IConfiguration>? configureServices,
        string? localSettings)
    {
        var configuration = builder.Configuration;
        options.FunctionKey ??= configuration["FUNCTIONS_KEY"];
        var directory = options.FunctionsDirectory
            ?? throw new InvalidOperationException($"Set {LocalFunctionsHostOptions.Section}:FunctionsDirectory to the Functions build output.");
        directory = Path.GetFullPath(directory);

        var triggers = new Dictionary<string, Func<Type, bool>>(StringComparer.OrdinalIgnoreCase)
        {
            [HttpFunctionEndpoints.TriggerType] = HttpTriggerInput.CanBind,
            [TimerTriggerListener.TriggerType] = TimerTriggerListener.CanBind,
            [QueueTriggerListener.TriggerType] = QueueTriggerInput.CanBind,
            [BlobTriggerListener.TriggerType] = BlobTriggerInput.CanBind,
        };
        var catalog = FunctionCatalog.Load(directory, configuration, triggers);
        var hostJson = HostJson.Load(directory, configuration);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The Functions host accepts request bodies up to 100 MB (Kestrel's own default is 30 MB).
            kestrel.Limits.MaxRequestBodySize = 100 * 1024 * 1024;
            if (options.Port == 0)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }
        });

        // IActionResult results (OkObjectResult...) need MVC's result executors, as in the worker's ASP.NET Core integration.
        builder.Services.AddMvcCore();
        var corsOrigins = (options.CorsAllowedOrigins ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (corsOrigins.Length > 0)
        {
            builder.Services.AddCors();
        }

        var worker = new LocalWorkerApplicationBuilder(builder.Services);
        WorkerStartup.Find(catalog.Runnable.Select(f => f.Assembly))?.Invoke(worker, configuration);
        configureServices?.Invoke(builder.Services, configuration);
        builder.Services.AddSingleton(new InvocationPipeline(worker));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(hostJson);
        AddListener<TimerTriggerListener>(builder.Services);
        AddListener<QueueTriggerListener>(builder.Services);
        AddListener<BlobTriggerListener>(builder.Services);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("InventoryMapping.LocalHost");
        logger.LogInformation("Functions from {Directory}", directory);
        if (localSettings is not null)
        {
            logger.LogInformation("Settings from {LocalSettings}", localSettings);
        }

        foreach (var warning in catalog.Warnings)
        {
            logger.LogWarning("{Warning}", warning);
        }

        // A development tool, not a leak: whatever the environment, an exception becomes a problem without a stack
        // trace (in Development, ASP.NET Core would otherwise answer with its developer exception page).
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Unexpected error", detail: "The local host failed to handle the request; see its log.")
                    .ExecuteAsync(context);
            }
        });
        if (corsOrigins.Length > 0)
        {
            // Like the platform's CORS in Azure: answered before the function (preflights need no function key).
            app.UseCors(policy => policy.WithOrigins(corsOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("ETag", "Location", "Retry-After"));
        }

        HttpFunctionEndpoints.Map(app, catalog.WithTrigger(HttpFunctionEndpoints.TriggerType), hostJson.RoutePrefix, options.FunctionKey, logger);
        AdminEndpoints.Map(app, catalog, options.FunctionKey);
        return new LocalFunctionsHost(app, catalog);
    }

    private static void AddListener<TListener>(IServiceCollection services)
        where TListener : class, IHostedService, ITriggerListener
    {
        services.AddSingleton<TListener>();
        services.AddSingleton<ITriggerListener>(sp => sp.GetRequiredService<TListener>());
        services.AddHostedService(sp => sp.GetRequiredService<TListener>());
    }
}
