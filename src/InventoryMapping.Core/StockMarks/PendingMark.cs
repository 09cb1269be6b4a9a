namespace InventoryMapping.StockMarks;

/// <summary>A listing marked for the stock sync, as read: removed only if it is still at <paramref name="ETag"/> (not marked again meanwhile).</summary>
/// <param name="Force">Send its quantity even if Amazon has it already (Force Update).</param>
public sealed record PendingMark(string ListingId, DateTimeOffset MarkedAt, string ETag, bool Force = false);
