namespace InventoryMapping.StockSync;

/// <summary>A listing of a channel whose SKU the channel claims (or releases) in its seller's region.</summary>
public sealed record ClaimedSku(string ListingId, string Sku);
