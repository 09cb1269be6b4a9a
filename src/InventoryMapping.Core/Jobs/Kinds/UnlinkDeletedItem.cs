using InventoryMapping.Channels;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Mapping;
using InventoryMapping.StockMarks;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Unlinks a channel's listings, listed or not, from an item that was deleted (see <see cref="ItemDeletion"/>); they
/// are found through the item → listings index, so the job reads only those listings.
/// </summary>
internal sealed class UnlinkDeletedItem(ItemListingIndex index, ListingStore listings, BulkLinker linker, IOptions<StorageThroughputOptions> throughput)
    : JobDefinition<UnlinkDeletedItemParameters, UnlinkDeletedItemResult, ListingEntity>
{
    public const string Unlinked = "unlinked";

    public override JobKind Kind => JobKind.UnlinkDeletedItem;

    protected override UnlinkDeletedItemParameters NoParameters => new("");

    protected override IWorkSource<ListingEntity> Source(JobEntity job, UnlinkDeletedItemParameters parameters) =>
        new IndexedListingsOfItem(index, listings, job.ChannelId, parameters.ItemId, throughput.Value.PageReadsInFlight);

    protected override IPageProcessor<ListingEntity, UnlinkDeletedItemResult> Start(JobEntity job, UnlinkDeletedItemParameters parameters, Channel? channel) =>
        new Pass(linker, OnChannel(channel).ChannelId, parameters.ItemId);

    protected override JobView View(UnlinkDeletedItemParameters parameters, UnlinkDeletedItemResult result) =>
        new(result.Counters(), ItemId: parameters.ItemId);

    private sealed class Pass(BulkLinker linker, string channelId, string itemId) : IPageProcessor<ListingEntity, UnlinkDeletedItemResult>
    {
        public async Task<JobPageOutcome<UnlinkDeletedItemResult>> ProcessAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken) =>
            JobPageOutcome<UnlinkDeletedItemResult>.Of(new UnlinkDeletedItemResult(await linker.UnlinkAsync(channelId, itemId, page, cancellationToken)));
    }
}
