using InventoryMapping.Channels;

namespace InventoryMapping.Jobs;

/// <summary>
/// A bulk job over a channel's active unlinked listings, one page at a time. Processing a page again (after a
/// crash) must give the same end state: listings the job linked itself come back with their LinkJobId set.
/// </summary>
internal interface IListingJob
{
    JobKind Kind { get; }

    /// <summary>Which listings of each partition the job goes through (see <see cref="ListingSelections"/>).</summary>
    string Selection(JobEntity job);

    /// <summary>
    /// One runner's pass over <paramref name="job"/>. Its pages come in storage order, a listing partition after
    /// another, so a pass may keep what it read for one partition for the pages that follow.
    /// </summary>
    IListingJobPass Start(JobEntity job, Channel channel);
}
