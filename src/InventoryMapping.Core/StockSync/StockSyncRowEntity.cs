using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.StockSync;

/// <summary>
/// A channel's stock sync settings row (<c>!sync</c> in the channel's partition of StockSubmissions): when Force Update
/// last started (its cooldown), and the channel's stock rules the sync last resynced for.
/// </summary>
internal sealed class StockSyncRowEntity : ITableEntity
{
    public const string Key = "!sync";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Key;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset? ForceUpdateStartedAt { get; set; }

    /// <summary>The locations and rules the channel's listings were last marked for; when they change, all are checked again.</summary>
    public string? RulesFingerprint { get; set; }
}
