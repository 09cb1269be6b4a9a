namespace InventoryMapping.StockSync;

/// <summary>Another channel of the same seller account and region that lists a SKU this one lists: Amazon keeps one merchant quantity per SKU per region, so the two overwrite each other.</summary>
public sealed record SkuConflict(string ChannelId, string Sku);
