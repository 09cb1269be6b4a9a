using Azure.Storage.Queues;
using InventoryMapping.AmazonAccess;
using InventoryMapping.SpApi;
using InventoryMapping.ListingReports;
using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Lifecycle;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Locations;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InventoryMapping;

public static class InventoryMappingServiceCollectionExtensions
{
    /// <summary>The connection of the app's storage account: a connection string, or a section with service URIs for managed identity.</summary>
    public const string StorageConnection = "AppStorage";

    /// <summary>Registers the storage clients and every application service of the mapping backend.</summary>
    public static IServiceCollection AddInventoryMapping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureClients(clients => AddStorageClients(clients, configuration.GetSection(StorageConnection)));
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o => o.JobsQueueName = configuration[StorageOptions.JobsQueueSetting] ?? o.JobsQueueName);
        services.AddOptions<StorageThroughputOptions>()
            .Bind(configuration.GetSection(StorageThroughputOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageThroughputOptions>, StorageThroughputOptions.Validator>();
        services.TryAddSingleton(TimeProvider.System);

        // Back-off waits for other writers in real time, whatever clock the app's time logic runs on.
        services.TryAddSingleton(new ConflictRetry(TimeProvider.System));
        services.AddSingleton<AppStorage>();
        services.AddSingleton<StorageLayout>();
        services.AddSingleton<IStorageMigration, StockMarks.MarksToListingPartitions>();
        services.AddHostedService<StorageLayoutCheck>();
        services.AddOptions<DownloadLinkOptions>().Bind(configuration.GetSection(DownloadLinkOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DownloadLinkOptions>, DownloadLinkOptions.Validator>();
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<Health.AppHealth>();
        services.AddSingleton<ChannelStore>();
        services.AddSingleton<ChannelService>();
        services.AddSingleton<LocationService>();
        services.AddSingleton<StockMarks.ItemListingIndex>();
        services.AddSingleton<StockMarks.PendingStockMarks>();
        services.AddSingleton<StockMarks.StockChangeMarker>();
        services.AddSingleton<ListingStore>();
        services.AddSingleton<ListingWriter>();
        services.AddSingleton<ListingCountsRollup>();
        services.AddSingleton<LinkedItems>();
        services.AddSingleton<ListingService>();
        services.AddSingleton<ChannelSummaryService>();
        services.AddSingleton<ListingBatchWriter>();
        services.AddSingleton<InventoryStore>();
        services.AddSingleton<ItemWriter>();
        services.AddSingleton<InventoryService>();
        services.AddOptions<ItemSearchOptions>().Bind(configuration.GetSection(ItemSearchOptions.Section));
        services.AddSingleton<ItemChangeLog>();
        services.AddSingleton<ItemSearchSnapshots>();
        services.AddSingleton<ItemSearchIndex>();
        services.AddSingleton<ItemSummaries>();
        services.AddSingleton<IInventorySearch, InventorySearch>();
        services.AddSingleton<LinkService>();
        services.AddSingleton<BulkLinker>();
        services.AddSingleton<ItemDeletion>();
        services.AddSingleton<ChannelDeletion>();
        services.AddSpApiClient(configuration.GetSection(SpApiOptions.Section));
        AddChannelCredentials(services, configuration.GetSection(ChannelCredentialsOptions.Section));
        services.AddOptions<ListingReportOptions>().Bind(configuration.GetSection(ListingReportOptions.Section));
        services.AddSingleton<SpApiConnections>();
        services.AddSingleton<ReportRequestStore>();
        services.AddSingleton<ListingReportIngestor>();
        services.AddOptions<LifecycleOptions>().Bind(configuration.GetSection(LifecycleOptions.Section));
        services.AddSingleton<OperationLifecycle>();
        services.AddSingleton<ListingsReportOperation>();
        services.AddSingleton<ListingReportService>();
        services.AddOptions<StockSync.StockSyncOptions>().Bind(configuration.GetSection(StockSync.StockSyncOptions.Section));
        services.AddSingleton<ListingSyncResults>();
        services.AddSingleton<StockSync.StockSubmissionStore>();
        services.AddSingleton<StockSync.StockSubmissionOperation>();
        services.AddSingleton<StockSync.StockSyncService>();
        services.AddSingleton<StockSync.StockSyncRows>();
        services.AddSingleton<StockSync.SkuClaims>();
        services.AddOptions<Imports.ImportUploadOptions>().Bind(configuration.GetSection(Imports.ImportUploadOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0, "Imports:MaxUploadBytes must be positive.").ValidateOnStart();
        services.AddJobs();
        return services;
    }

    /// <summary>The job runner and the kinds of job it runs (each an <see cref="IJobKind"/>).</summary>
    private static void AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<IJobKind, LinkAllBySku>();
        services.AddSingleton<IJobKind, CreateAll>();
        services.AddSingleton<IJobKind, UnlinkDeletedItem>();
        services.AddSingleton<IJobKind, SweepReservations>();
        services.AddSingleton<IJobKind, DeleteChannel>();
        services.AddSingleton<IJobKind, ForceUpdate>();
        services.AddSingleton<StockJobs>();
        services.AddSingleton<StockSync.IChannelResync>(sp => sp.GetRequiredService<StockJobs>());
        services.AddSingleton<IJobKind, ExportMapping>();
        services.AddSingleton<IJobKind, Imports.ImportMapping>();
        services.AddSingleton<Imports.ImportWorkFiles>();
        services.AddSingleton<Imports.ImportRowDecider>();
        services.AddSingleton<Imports.ImportService>();
        services.AddSingleton(sp => new JobKinds(sp.GetServices<IJobKind>()));
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobService>();
        services.AddSingleton<MappingJobs>();
        services.AddSingleton<ReservationSweeps>();
        services.AddSingleton<MappingExports>();
        services.AddSingleton<JobRunner>();
    }

    /// <summary>
    /// Key Vault when <c>ChannelCredentials:KeyVaultUri</c> is set (read with the section's <c>credential</c> and
    /// <c>clientId</c>, the app's managed identity in Azure), else configuration.
    /// </summary>
    private static void AddChannelCredentials(IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<ChannelCredentialsOptions>().Bind(section).ValidateOnStart()
            .Validate(o => o.KeyVaultUri is null || o.KeyVaultUri.IsAbsoluteUri, "ChannelCredentials:KeyVaultUri must be an absolute URI.")
            .Validate(o => o.CacheDuration >= TimeSpan.Zero, "ChannelCredentials:CacheDuration must not be negative.");
        if (string.IsNullOrEmpty(section[nameof(ChannelCredentialsOptions.KeyVaultUri)]))
        {
            services.AddSingleton<IChannelCredentialStore, ConfigurationChannelCredentialStore>();
            return;
        }

        services.AddSingleton(sp => new Azure.Security.KeyVault.Secrets.SecretClient(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChannelCredentialsOptions>>().Value.KeyVaultUri!,
            sp.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section)));
        services.AddSingleton<IChannelCredentialStore, KeyVaultChannelCredentialStore>();
    }

    /// <summary>
    /// A connection string (Azurite, local runs) or, in Azure, <c>tableServiceUri</c>/<c>blobServiceUri</c>/
    /// <c>queueServiceUri</c> with <c>credential=managedidentity</c> and <c>clientId</c> — the same names the
    /// Functions host reads for trigger connections, so one setting group serves both.
    /// </summary>
    private static void AddStorageClients(AzureClientFactoryBuilder clients, IConfigurationSection storage)
    {
        if (!string.IsNullOrEmpty(storage.Value))
        {
            clients.AddTableServiceClient(storage.Value);
            clients.AddBlobServiceClient(storage.Value);
            clients.AddQueueServiceClient(storage.Value).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
            return;
        }

        clients.AddTableServiceClient(RequiredUri(storage, "tableServiceUri"));
        clients.AddBlobServiceClient(RequiredUri(storage, "blobServiceUri"));
        clients.AddQueueServiceClient(RequiredUri(storage, "queueServiceUri")).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
        clients.UseCredential(sp => sp.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(storage));
    }

    private static Uri RequiredUri(IConfigurationSection storage, string name) =>
        Uri.TryCreate(storage[name], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Setting '{storage.Path}' is neither a connection string nor has '{storage.Path}__{name}'.");
}
