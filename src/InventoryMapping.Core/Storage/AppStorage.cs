using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Storage;

/// <summary>The tables, containers and queues of the app, named from <see cref="StorageOptions.NamePrefix"/>.</summary>
public sealed class AppStorage(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.NamePrefix;

    /// <summary>Name of the queue that carries job messages; the queue trigger reads it from the app setting of this name.</summary>
    public const string JobsQueueSetting = "JobsQueueName";

    public TableClient Channels => Table("Channels");

    /// <summary>Listings and the per-shard count rows of each channel (see <see cref="Listings.ListingShard"/>).</summary>
    public TableClient Listings => Table("Listings");

    public TableClient Items => Table("Items");

    /// <summary>Unique-SKU reservations and normalized-SKU lookups of inventory items.</summary>
    public TableClient ItemSkus => Table("ItemSkus");

    /// <summary>The suffix index behind partial-SKU search.</summary>
    public TableClient ItemSearch => Table("ItemSearch");

    /// <summary>Reverse index: which listings link to an item.</summary>
    public TableClient ItemLinks => Table("ItemLinks");

    public TableClient Jobs => Table("Jobs");

    public TableClient Settings => Table("Settings");

    public QueueClient JobQueue => queues.GetQueueClient(JobQueueName(_prefix));

    public BlobContainerClient Container(string name) => blobs.GetBlobContainerClient(_prefix + name);

    public static string JobQueueName(string prefix) => prefix + "jobs";

    public IEnumerable<TableClient> AllTables =>
        [Channels, Listings, Items, ItemSkus, ItemSearch, ItemLinks, Jobs, Settings];

    /// <summary>Creates whatever does not exist yet. In Azure the Bicep template creates them; locally and in tests this does.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(AllTables.Select(t => t.CreateIfNotExistsAsync(cancellationToken)));
        await JobQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    private TableClient Table(string name) => tables.GetTableClient(_prefix + name);
}
