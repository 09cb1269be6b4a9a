using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.StockMarks;

/// <summary>
/// Row of the ItemListings table: a listing (may be) linked to an item. Partition = the item's partition (the first
/// two hex digits of its id), row key = <c>{itemId}|{channelId}|{listingId}</c>, so an item's rows are one range read.
/// </summary>
internal sealed class ItemListingEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ChannelId { get; set; } = "";

    public string ListingId { get; set; } = "";

    public static string PartitionOf(string itemId) => itemId[..2];

    public static string RowKeyOf(string itemId, string channelId, string listingId) => $"{itemId}|{channelId}|{listingId}";
}
