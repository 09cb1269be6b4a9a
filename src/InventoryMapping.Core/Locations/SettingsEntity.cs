using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Locations;

/// <summary>Rows of the Settings table: locations (partition "location") and the system settings row.</summary>
internal sealed class SettingsEntity : ITableEntity
{
    public const string LocationPartition = "location";
    public const string SystemPartition = "system";
    public const string SystemRow = "settings";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Name { get; set; }

    public string? DefaultLocationId { get; set; }
}
