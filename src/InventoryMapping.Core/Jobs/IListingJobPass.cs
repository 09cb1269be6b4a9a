using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Jobs;

/// <summary>A job's pages, processed in order by one runner (see <see cref="IListingJob.Start"/>).</summary>
internal interface IListingJobPass
{
    Task<JobPageOutcome> ProcessAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken);
}
