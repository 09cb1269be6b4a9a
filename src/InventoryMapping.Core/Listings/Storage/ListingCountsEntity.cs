using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Listings.Storage;

/// <summary>The counts row of one listings partition (row key <see cref="ListingPartition.CountsRowKey"/>).</summary>
internal sealed class ListingCountsEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = ListingPartition.CountsRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Goes up by one with every transaction that writes the row: which of two publications is newer.</summary>
    public long Version { get; set; }

    public long Total { get; set; }

    public long Active { get; set; }

    public long Linked { get; set; }

    public long Unlinked { get; set; }

    public ListingCountsEntity Clone() => (ListingCountsEntity)MemberwiseClone();

    /// <summary>Which counts a listing adds to besides Total: none (inactive), Unlinked or Linked.</summary>
    public static int Bucket(ListingEntity listing) => !listing.IsActive ? 0 : listing.IsLinked ? 2 : 1;

    public void Add(ListingEntity? listing, int sign)
    {
        if (listing is null)
        {
            return;
        }

        Total += sign;
        if (listing.IsActive)
        {
            Active += sign;
            if (listing.IsLinked)
            {
                Linked += sign;
            }
            else
            {
                Unlinked += sign;
            }
        }
    }
}
