using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>
/// A channel's listings are spread over <see cref="Count"/> partitions by a stable hash of the listing id, so a
/// 1,000,000-listing channel is not one hot partition (~2,000 entities/s each in Azure). Each partition also holds
/// the count row of its listings, updated in the same transaction as the listings: counts are exact and summing
/// <see cref="Count"/> rows answers the summary without reading a single listing.
/// </summary>
public static class ListingShard
{
    public const int Count = 64;

    /// <summary>Row key of a partition's count row; sorts before every listing id (which start at '-' or later).</summary>
    public const string CountsRowKey = "!counts";

    /// <summary>Every listing row key is at least this, and the counts row is below it.</summary>
    public const string FirstListingRowKey = "-";

    public static int Of(string listingId) => StableHash.Bucket(listingId, Count);

    public static string PartitionKey(string channelId, int shard) => $"{channelId}~{shard:x2}";

    public static string PartitionKeyOf(string channelId, string listingId) => PartitionKey(channelId, Of(listingId));

    /// <summary>Lower (inclusive) and upper (exclusive) partition keys of all of a channel's partitions.</summary>
    public static (string From, string To) PartitionRange(string channelId) => ($"{channelId}~", $"{channelId}~~");
}
