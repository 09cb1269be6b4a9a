using InventoryMapping.Channels;
using InventoryMapping.Jobs;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Mapping;

/// <summary>Unlinks a channel's listings, active or not, from an item that was deleted (see <see cref="ItemDeletion"/>).</summary>
internal sealed class UnlinkDeletedItem(BulkLinker linker) : IListingJob
{
    public const string Unlinked = "unlinked";

    public JobKind Kind => JobKind.UnlinkDeletedItem;

    public string Selection(JobEntity job) => ListingSelections.LinkedTo(job.ItemId!);

    public IListingJobPass Start(JobEntity job, Channel channel) => new Pass(linker, channel.ChannelId, job.ItemId!);

    private sealed class Pass(BulkLinker linker, string channelId, string itemId) : IListingJobPass
    {
        public async Task<JobPageOutcome> ProcessAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken)
        {
            var unlinked = await linker.UnlinkAsync(channelId, itemId, page, cancellationToken);
            return new JobPageOutcome(new Dictionary<string, long> { [Unlinked] = unlinked }, []);
        }
    }
}
