namespace InventoryMapping.Listings.Storage;

/// <summary>One listing going from <paramref name="Before"/> (as read, with its ETag; null if new) to <paramref name="After"/>.</summary>
internal sealed record ListingChange(ListingEntity? Before, ListingEntity After)
{
    /// <summary>Whether the change moves a count of its partition (see <see cref="ListingTally"/>).</summary>
    public bool MovesCounts => Before is null || ListingTally.Of(Before) != ListingTally.Of(After);

    /// <summary>What the change adds to its partition's counts.</summary>
    public ListingTally Delta => ListingTally.Of(After) - (Before is null ? default : ListingTally.Of(Before));
}
