using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>
/// The work source of jobs over a channel's listings: one part per listing partition, pages of up to
/// <see cref="JobRunner.PageSize"/> listings matching <paramref name="selection"/> (a filter within the partition).
/// Partitions in parallel, not pages of one partition: a partition's writes share its count row.
/// </summary>
internal sealed class ListingPartitions(ListingStore listings, string channelId, string selection) : IWorkSource<ListingEntity>
{
    public int PartCount => ListingPartition.Count;

    public async Task<WorkPage<ListingEntity>> ReadAsync(int part, string? cursor, CancellationToken cancellationToken)
    {
        var page = await listings.ReadPartitionPageAsync(channelId, part, selection, cursor, JobRunner.PageSize, cancellationToken);
        return new WorkPage<ListingEntity>(page.Values, page.ContinuationToken);
    }
}
