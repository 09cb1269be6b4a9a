using System.Security.Cryptography;
using System.Text;
using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Creates and links an item for every unlinked listing. A listing whose SKU an item already has is reported (Link
/// All is the tool for it), never duplicated. Item ids derive from the job and listing, so a re-run after a crash
/// recognises the items it made before.
/// </summary>
internal sealed class CreateAll(ListingStore listings, InventoryStore items, ItemWriter itemWriter, BulkLinker linker, IOptions<StorageThroughputOptions> throughput, TimeProvider clock)
    : JobDefinition<CreateAllParameters, CreateAllResult, ListingEntity>
{
    public const string Created = "created";
    public const string SkuExists = "skuExists";
    public const string ChangedMeanwhile = "changedMeanwhile";

    public override JobKind Kind => JobKind.CreateAll;

    public override int PartsInFlight(StorageThroughputOptions throughput) => throughput.ItemCreationPartsInFlight;

    protected override CreateAllParameters NoParameters => new();

    protected override IWorkSource<ListingEntity> Source(JobEntity job, CreateAllParameters parameters) =>
        new ListingPartitions(listings, job.ChannelId, ListingSelections.UnlinkedOrLinkedBy(job));

    protected override IPageProcessor<ListingEntity, CreateAllResult> Start(JobEntity job, CreateAllParameters parameters, Channel? channel) =>
        new Pass(this, job, OnChannel(channel), new CurrentPartitionSkus(items, withNormalized: false));

    private sealed class Pass(CreateAll owner, JobEntity job, Channel channel, CurrentPartitionSkus partitionSkus) : IPageProcessor<ListingEntity, CreateAllResult>
    {
        private readonly PlannedItems _planned = new();

        public Task<JobPageOutcome<CreateAllResult>> ProcessAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken) =>
            owner.ProcessAsync(job, channel, partitionSkus, _planned, page, cancellationToken);
    }

    /// <summary>
    /// Dry run: the item a run would create for each SKU (ignoring case) in the current listing partition, so that a
    /// second listing with that SKU is reported as the real run reports it. SKUs equal ignoring case share a
    /// partition, and a dry run's pass sees all pages of a partition (the runner checkpoints dry runs by partition).
    /// </summary>
    private sealed class PlannedItems
    {
        private readonly Dictionary<string, string> _itemIdBySku = new(StringComparer.Ordinal);
        private int _partition = -1;

        /// <summary>Null if this listing's item would be created; else the id of the item an earlier listing would create.</summary>
        public string? Claim(ListingEntity listing, string itemId)
        {
            var partition = ListingPartition.OfSku(listing.Sku);
            if (partition != _partition)
            {
                _itemIdBySku.Clear();
                _partition = partition;
            }

            return _itemIdBySku.TryAdd(ItemSkuKeys.Unique(listing.Sku), itemId) ? null : _itemIdBySku[ItemSkuKeys.Unique(listing.Sku)];
        }
    }

    private async Task<JobPageOutcome<CreateAllResult>> ProcessAsync(
        JobEntity job, Channel channel, CurrentPartitionSkus partitionSkus, PlannedItems planned, IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var skus = await partitionSkus.ForPageAsync(page, cancellationToken);
        var holders = new ItemReference?[page.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, page.Count),
            new ParallelOptions { MaxDegreeOfParallelism = throughput.Value.PageReadsInFlight, CancellationToken = cancellationToken },
            async (i, ct) => holders[i] = page[i].IsLinked ? null : await items.ResolveAsync(skus[i].Reservation(page[i].Sku), page[i].Sku, ct));

        var reported = new List<ReportedListing>();
        var toCreate = new List<(ListingEntity Listing, ItemEntity Item)>();
        var alreadyMine = new List<LinkDecision>();
        for (var i = 0; i < page.Count; i++)
        {
            var listing = page[i];
            var itemId = ItemIdFor(job.JobId, listing);
            if (listing.IsLinked)
            {
                continue; // linked by this job on an earlier attempt
            }

            if (holders[i] is { } holder && holder.ItemId != itemId)
            {
                reported.Add(new ReportedListing(listing.RowKey, listing.Sku, "An item already has this SKU", [holder.ItemId]));
            }
            else if (holders[i] is { } mine && skus[i].Reservation(listing.Sku) is { Committed: true })
            {
                alreadyMine.Add(new LinkDecision(listing, mine, LinkAllBySku.Linked, [mine.ItemId]));
            }

            else
            {
                // No item yet, or ours with its reservation still uncommitted (a crash cut its creation short):
                // creating it again is idempotent and finishes it, committing the reservation.
                toCreate.Add((listing, LinkService.NewItemFrom(listing, channel, itemId, now)));
            }
        }

        var linkedBefore = page.Count(l => l.IsLinked);
        if (job.DryRun)
        {
            var wouldCreate = 0;
            foreach (var (listing, item) in toCreate)
            {
                if (planned.Claim(listing, item.RowKey) is { } first)
                {
                    reported.Add(new ReportedListing(listing.RowKey, listing.Sku, "An item already has this SKU", [first]));
                }
                else
                {
                    wouldCreate++;
                }
            }

            return Outcome(wouldCreate + alreadyMine.Count + linkedBefore, reported, skipped: 0);
        }

        var toLink = new List<LinkDecision>(alreadyMine);
        var creations = await itemWriter.CreateManyAsync(toCreate.Select(c => c.Item).ToList(), cancellationToken);
        for (var i = 0; i < creations.Count; i++)
        {
            var (listing, _) = toCreate[i];
            if (creations[i].DuplicateOfItemId is { } holder)
            {
                reported.Add(new ReportedListing(listing.RowKey, listing.Sku, "An item already has this SKU", [holder]));
            }
            else
            {
                toLink.Add(new LinkDecision(listing, new ItemReference(creations[i].Item.ItemId, creations[i].Item.Sku), LinkAllBySku.Linked, []));
            }
        }

        var skipped = await linker.LinkAsync(channel.ChannelId, job.JobId, toLink, cancellationToken);
        return Outcome(toLink.Count - skipped.Count + linkedBefore, reported, skipped.Count);
    }

    private static JobPageOutcome<CreateAllResult> Outcome(long created, IReadOnlyList<ReportedListing> reported, int skipped) =>
        new(new CreateAllResult(created, reported.Count, skipped), reported);

    /// <summary>
    /// The id this job gives the item of this listing: the same on every attempt. Listings of one partition share
    /// an item partition, so a page's items are written in a few transactions.
    /// </summary>
    internal static string ItemIdFor(string jobId, ListingEntity listing)
    {
        var partition = StableHash.Bucket(jobId + "|" + listing.PartitionKey, ItemIds.PartitionCount);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{jobId}|{listing.PartitionKey}|{listing.RowKey}"));
        return partition.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexStringLower(hash.AsSpan(0, 7));
    }
}
