namespace InventoryMapping.Csv;

/// <summary>What an import reads from a column: an importable field, or Linnworks' Source / SubSource (which channel a row is for).</summary>
public enum ImportColumn
{
    ChannelSku,
    LinkedItemSku,
    LinkedItemId,
    IgnoreSync,
    Source,
    SubSource,
    StockPercentage,
    MaxListedQuantity,
    EndWhenStock,
}
