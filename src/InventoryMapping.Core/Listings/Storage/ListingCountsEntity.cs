using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings.Storage;

/// <summary>The counts row of one listings partition (row key <see cref="ListingPartition.CountsRowKey"/>): its <see cref="ListingTally"/>.</summary>
internal sealed class ListingCountsEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = ListingPartition.CountsRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Goes up by one with every transaction that writes the row: which of two publications is newer.</summary>
    public long Version { get; set; }

    public long Listed { get; set; }

    public long Active { get; set; }

    public long Linked { get; set; }

    public long Fba { get; set; }

    public long IgnoreSync { get; set; }

    public long Retired { get; set; }

    [IgnoreDataMember]
    public ListingTally Tally
    {
        get => new(Listed, Active, Linked, Fba, IgnoreSync, Retired);
        set => (Listed, Active, Linked, Fba, IgnoreSync, Retired) = (value.Listed, value.Active, value.Linked, value.Fba, value.IgnoreSync, value.Retired);
    }

    public ListingCountsEntity Clone() => (ListingCountsEntity)MemberwiseClone();
}
