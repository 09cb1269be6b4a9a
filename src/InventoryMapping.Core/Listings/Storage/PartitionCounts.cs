namespace InventoryMapping.Listings.Storage;

/// <summary>
/// One listing partition's counts as the channel's <see cref="ChannelCountsEntity"/> holds them: those of its count
/// row at <see cref="Version"/>, trustworthy only while no writer is between its start and its end
/// (<see cref="Writers"/> is 0).
/// </summary>
internal sealed record PartitionCounts(long Version, ListingTally Counts, int Writers, DateTimeOffset? LastStart)
{
    public static readonly PartitionCounts Empty = new(0, default, 0, null);

    public static PartitionCounts Of(ListingCountsEntity row) => Empty with { Version = row.Version, Counts = row.Tally };

    /// <summary>These counts with <paramref name="row"/>'s if the row is newer; the writer bookkeeping kept.</summary>
    public PartitionCounts With(ListingCountsEntity row) => row.Version > Version ? this with { Version = row.Version, Counts = row.Tally } : this;
}
