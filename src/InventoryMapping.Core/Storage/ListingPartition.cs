
namespace InventoryMapping.Storage;

/// <summary>
/// A channel's listings are spread over <see cref="Count"/> partitions by the <see cref="SkuBucket"/> of their SKU,
/// so a 1,000,000-listing channel is not one hot partition (~2,000 entities/s each in Azure) and a partition's
/// listings can only match the items of <see cref="BucketsPerPartition"/> SKU buckets. Each partition also holds the
/// count row of its listings, updated in the same transaction as the listings: counts are exact and summing
/// <see cref="Count"/> rows answers the summary without reading a single listing.
/// </summary>
public static class ListingPartition
{
    public const int Count = 64;

    /// <summary>Row key of a partition's count row; sorts before every listing id (which start at '-' or later).</summary>
    public const string CountsRowKey = "!counts";

    /// <summary>Every listing row key is at least this, and the counts row is below it.</summary>
    public const string FirstListingRowKey = "-";

    /// <summary>SKU buckets per listing partition: partition <c>s</c> holds the SKUs of buckets <c>s·4 … s·4+3</c>.</summary>
    public const int BucketsPerPartition = SkuBucket.Count / Count;

    public static int OfSku(string sku) => SkuBucket.Of(sku) / BucketsPerPartition;

    /// <summary>The partition of a listing id; an id that does not decode names no stored listing, so any partition answers "none".</summary>
    public static int Of(string listingId) => TableKey.TryDecode(listingId, out var sku) ? OfSku(sku) : 0;

    public static string PartitionKey(string channelId, int partition) => $"{channelId}~{partition:x2}";

    public static string PartitionKeyOf(string channelId, string listingId) => PartitionKey(channelId, Of(listingId));

    /// <summary>The channel and partition of a listing partition key.</summary>
    public static (string ChannelId, int Partition) Parse(string partitionKey) =>
        (partitionKey[..^3], int.Parse(partitionKey.AsSpan(partitionKey.Length - 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));

    public static string PartitionKeyOfSku(string channelId, string sku) => PartitionKey(channelId, OfSku(sku));

    /// <summary>The SKU buckets whose SKUs the listings of <paramref name="partition"/> have, lowest and highest.</summary>
    public static (int First, int Last) SkuBuckets(int partition) => (partition * BucketsPerPartition, (partition * BucketsPerPartition) + BucketsPerPartition - 1);

    /// <summary>Lower (inclusive) and upper (exclusive) partition keys of all of a channel's partitions.</summary>
    public static (string From, string To) PartitionRange(string channelId) => ($"{channelId}~", $"{channelId}~~");
}
