namespace InventoryMapping.Listings.Storage;

/// <summary>A listing changed between read and write (ETag mismatch, or created meanwhile): re-read it and decide again.</summary>
public sealed class ListingChangedException(string listingId)
    : Exception($"Listing '{listingId}' was changed by someone else.")
{
    public string ListingId { get; } = listingId;

    /// <summary>The changes of the same call that were written before the conflict.</summary>
    internal IReadOnlyList<ListingChange> Written { get; init; } = [];
}
