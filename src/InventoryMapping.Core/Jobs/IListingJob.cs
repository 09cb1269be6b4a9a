using InventoryMapping.Channels;
using InventoryMapping.Listings;

namespace InventoryMapping.Jobs;

/// <summary>
/// A bulk job over a channel's active unlinked listings, one page at a time. Processing a page again (after a
/// crash) must give the same end state: listings the job linked itself come back with their LinkJobId set.
/// </summary>
internal interface IListingJob
{
    JobKind Kind { get; }

    Task<JobPageOutcome> ProcessAsync(JobEntity job, Channel channel, IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken);
}
