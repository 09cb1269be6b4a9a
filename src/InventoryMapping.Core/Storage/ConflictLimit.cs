namespace InventoryMapping.Storage;

/// <summary>How often one kind of conditional write is tried again on conflict (<see cref="ConflictRetry"/>), by name.</summary>
/// <param name="Name">What keeps conflicting, for the error when the retries are spent.</param>
/// <param name="MaxRetries">Retries after the first attempt.</param>
public sealed record ConflictLimit(string Name, int MaxRetries)
{
    /// <summary>A listings partition's count row, which every transaction of the partition rewrites.</summary>
    public static readonly ConflictLimit ListingCounts = new("listing partition count row", 20);

    /// <summary>One listing, re-read and decided again (single-listing writes without If-Match).</summary>
    public static readonly ConflictLimit Listing = new("listing", 20);

    /// <summary>A listings partition written by a bulk writer, re-read and decided again.</summary>
    public static readonly ConflictLimit ListingPartition = new("listing partition", 5);

    /// <summary>A channel's published counts row, shared by every writer of the channel.</summary>
    public static readonly ConflictLimit ChannelCounts = new("channel counts row", 30);

    /// <summary>An item row, re-read and changed again (stock levels).</summary>
    public static readonly ConflictLimit Item = new("item", 10);

    /// <summary>A unique-SKU reservation row.</summary>
    public static readonly ConflictLimit SkuReservation = new("SKU reservation", 5);

    /// <summary>A normalized-SKU lookup row, shared by every item with that normalized SKU.</summary>
    public static readonly ConflictLimit SkuLookup = new("normalized SKU lookup row", 20);

    /// <summary>A channel's in-flight slot of one Amazon operation (the lifecycle's claim).</summary>
    public static readonly ConflictLimit InFlightSlot = new("in-flight slot", 10);
}
