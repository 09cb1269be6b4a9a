namespace InventoryMapping.Listings.Storage;

/// <summary>One listing going from <paramref name="Before"/> (as read, with its ETag; null if new) to <paramref name="After"/>.</summary>
internal sealed record ListingChange(ListingEntity? Before, ListingEntity After)
{
    /// <summary>Whether the change moves a count of its partition (Total / Active / Linked / Unlinked).</summary>
    public bool MovesCounts => Before is null || ListingCountsEntity.Bucket(Before) != ListingCountsEntity.Bucket(After);
}
