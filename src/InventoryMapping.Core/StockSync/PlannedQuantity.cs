namespace InventoryMapping.StockSync;

/// <summary>One quantity a submission sends, with the mark it answers (removed at that version once Amazon's result is on the listing).</summary>
/// <param name="MessageId">1-based within its feed.</param>
/// <param name="WasPositive">Whether the quantity Amazon had from us was above 0 (the safety rail counts those going to 0).</param>
/// <param name="Claimed">The plan claimed its SKU (<see cref="SkuClaims"/>): the listing's claimed flag is set with its result, in the same write.</param>
public sealed record PlannedQuantity(string ListingId, string Sku, int Quantity, int MessageId, string MarkETag, DateTimeOffset MarkedAt, bool WasPositive, bool Claimed = false);
