using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Storage;

/// <summary>The tables, containers and queues of the app, named from <see cref="StorageOptions.NamePrefix"/>.</summary>
public sealed class AppStorage(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.NamePrefix;

    public TableClient Channels => Table("Channels");

    /// <summary>Listings and the per-partition count rows of each channel (a table partition per listing partition of each channel).</summary>
    public TableClient Listings => Table("Listings");

    public TableClient Items => Table("Items");

    /// <summary>Unique-SKU reservations and normalized-SKU lookups of inventory items.</summary>
    public TableClient ItemSkus => Table("ItemSkus");

    /// <summary>The log of item changes that keeps every instance's search index current (see Inventory.ItemChangeLog).</summary>
    public TableClient ItemChanges => Table("ItemChanges");

    public TableClient Jobs => Table("Jobs");

    /// <summary>Listings report requests per channel, and each channel's download state.</summary>
    public TableClient ReportRequests => Table("ReportRequests");

    public TableClient Settings => Table("Settings");

    /// <summary>Item → linked listings (see StockMarks.ItemListingIndex).</summary>
    public TableClient ItemListings => Table("ItemListings");

    /// <summary>Listings marked for the stock sync, per channel (see StockMarks.PendingStockMarks).</summary>
    public TableClient StockSyncPending => Table("StockSyncPending");

    /// <summary>Stock submissions per channel (feeds and patches), the channel's sync slot and sync state.</summary>
    public TableClient StockSubmissions => Table("StockSubmissions");

    /// <summary>Which channels send each SKU's quantity per seller and region, and the conflicts found (see StockSync.SkuClaims).</summary>
    public TableClient SkuClaims => Table("SkuClaims");

    public QueueClient JobQueue => queues.GetQueueClient(options.Value.JobsQueueName);

    public BlobContainerClient Container(string name) => blobs.GetBlobContainerClient(_prefix + name);

    /// <summary>Each job's reported rows, a blob per processed page (see <c>JobStore</c>).</summary>
    public const string ReportedRowsContainer = "reported-rows";

    /// <summary>Mapping CSV files to import, <c>{channelId}/{name}.csv</c> (and a <c>{name}.mapping.json</c> sidecar).</summary>
    public const string ImportsContainer = "imports";

    /// <summary>Each import's result: an errors CSV per import file with rejected rows.</summary>
    public const string ImportResultsContainer = "imports-results";

    /// <summary>Export request files, <c>{channelId}/{name}.json</c>, each turned into an export job.</summary>
    public const string ExportRequestsContainer = "export-requests";

    /// <summary>Exported mapping CSV files, <c>{channelId}/{name}.csv</c>.</summary>
    public const string ExportsContainer = "exports";

    /// <summary>The messages of each stock submission, <c>{channelId}/{requestId}.json</c>: what was sent, kept until its result is applied.</summary>
    public const string StockSubmissionsContainer = "stock-submissions";

    /// <summary>Names (before the prefix) of every blob container the app uses.</summary>
    public static IReadOnlyList<string> Containers { get; } =
        [ReportedRowsContainer, InventoryMapping.Inventory.ItemSearchSnapshots.Container, ImportsContainer, ImportResultsContainer, ExportRequestsContainer, ExportsContainer, StockSubmissionsContainer];

    public IEnumerable<TableClient> AllTables =>
        [Channels, Listings, Items, ItemSkus, ItemChanges, Jobs, Settings, ReportRequests, ItemListings, StockSyncPending, StockSubmissions, SkuClaims];

    /// <summary>
    /// Creates whatever does not exist yet and records the storage layout of an empty store (see <see cref="StorageLayout"/>:
    /// data of another layout throws). In Azure the Bicep template creates them; locally and in tests this does.
    /// </summary>
    /// <param name="layout">The app's (with its migrations); without one, a store of an older layout is refused.</param>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken, StorageLayout? layout = null)
    {
        await Task.WhenAll(AllTables.Select(t => t.CreateIfNotExistsAsync(cancellationToken)));
        await JobQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Task.WhenAll(Containers.Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await (layout ?? new StorageLayout(this, [])).EnsureCurrentAsync(cancellationToken);
    }

    private TableClient Table(string name) => tables.GetTableClient(_prefix + name);
}
