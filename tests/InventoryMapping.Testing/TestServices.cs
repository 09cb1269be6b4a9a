using InventoryMapping.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.Testing;

/// <summary>
/// The app's real services on the shared Azurite, under a storage name prefix of their own, so that tests using
/// them run in parallel without seeing each other's data.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private TestServices(ServiceProvider provider, string prefix, string connectionString, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings)
    {
        Settings = settings;
        _provider = provider;
        Prefix = prefix;
        ConnectionString = connectionString;
        Clock = clock;
    }

    public IServiceProvider Services => _provider;

    public string Prefix { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The app settings given at start, so a second "process" can start with the same ones.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <param name="prefix">Another instance's prefix, to run a second "process" on the same data.</param>
    /// <param name="settings">App settings beyond storage (e.g. SP-API endpoints and credentials).</param>
    public static async Task<TestServices> StartAsync(
        Action<IServiceCollection>? configure = null, string? prefix = null, IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
    {
        var azurite = await SharedAzurite.GetAsync();
        prefix ??= TestNames.UniquePrefix();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [InventoryMappingServiceCollectionExtensions.StorageConnection] = azurite.ConnectionString,
                [$"{StorageOptions.Section}:{nameof(StorageOptions.NamePrefix)}"] = prefix,
                [StorageOptions.JobsQueueSetting] = prefix + "jobs",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        clock ??= new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(clock);
        services.AddInventoryMapping(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<AppStorage>().EnsureCreatedAsync(CancellationToken.None, provider.GetRequiredService<StorageLayout>());
        return new TestServices(provider, prefix, azurite.ConnectionString, clock, settings ?? new Dictionary<string, string?>());
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
