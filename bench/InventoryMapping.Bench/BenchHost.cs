using Azure.Core;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using InventoryMapping.Testing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Bench;

/// <summary>
/// Azurite (started on free ports, or the one <c>AZURITE_CONNECTION_STRING</c> names) and the app's real services on
/// it under a fresh storage name prefix; raw baselines get tables of their own under another prefix.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly AzuriteServer _azurite;
    private readonly ServiceProvider _services;

    private readonly IConfiguration _configuration;
    private readonly Action<IServiceCollection>? _configure;

    private BenchHost(AzuriteServer azurite, ServiceProvider services, string prefix, RequestLog requests, IConfiguration configuration, Action<IServiceCollection>? configure)
    {
        _configuration = configuration;
        _configure = configure;
        _azurite = azurite;
        _services = services;
        Prefix = prefix;
        Requests = requests;
        Tables = new TableServiceClient(azurite.ConnectionString, new TableClientOptions { Retry = { NetworkTimeout = NetworkTimeout } });
    }

    /// <summary>Azurite takes minutes for one batch into a partition of many thousand rows; the SDK's default is 100 s.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromMinutes(15);

    public string Prefix { get; }

    /// <summary>The storage requests of the app's clients (not of the raw baselines).</summary>
    public RequestLog Requests { get; }

    /// <summary>A client of the same account for the raw baselines.</summary>
    public TableServiceClient Tables { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <param name="settings">App settings on top of the storage ones.</param>
    /// <param name="configure">Service registrations after the app's (a scenario's clock).</param>
    public static async Task<BenchHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        // A big in-memory Azurite needs more than node's default heap.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NODE_OPTIONS")))
        {
            Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=12288");
        }

        var azurite = await AzuriteServer.StartAsync(TimeSpan.FromSeconds(60));
        var prefix = TestNames.UniquePrefix();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [InventoryMappingServiceCollectionExtensions.StorageConnection] = azurite.ConnectionString,
                [$"{StorageOptions.Section}:{nameof(StorageOptions.NamePrefix)}"] = prefix,
                [StorageOptions.JobsQueueSetting] = prefix + "jobs",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var requests = new RequestLog(prefix);
        var provider = Services(configuration, requests, configure);
        await provider.GetRequiredService<AppStorage>().EnsureCreatedAsync(CancellationToken.None, provider.GetRequiredService<StorageLayout>());
        return new BenchHost(azurite, provider, prefix, requests, configuration, configure);
    }

    /// <summary>Another instance of the app on the same storage (a fresh process, as far as its services go).</summary>
    public ServiceProvider StartInstance() => Services(_configuration, new RequestLog(Prefix), _configure);

    private static ServiceProvider Services(IConfiguration configuration, RequestLog requests, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration);
        services.AddInventoryMapping(configuration);
        services.AddAzureClients(clients => clients.ConfigureDefaults(options =>
        {
            options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
            options.Retry.NetworkTimeout = NetworkTimeout;
        }));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>A new, empty table for a raw baseline.</summary>
    public async Task<TableClient> FreshTableAsync(string name, CancellationToken cancellationToken)
    {
        var table = Tables.GetTableClient("raw" + Prefix + name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
