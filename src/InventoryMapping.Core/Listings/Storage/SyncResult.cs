namespace InventoryMapping.Listings.Storage;

/// <summary>Amazon's answer to one quantity the stock sync sent: <paramref name="Error"/> (<c>code: message</c>) null when it was applied.</summary>
/// <param name="QueuedAt">When the change was marked (the listing's <c>updateDate</c>).</param>
/// <param name="SkuClaimed">Set the listing's claimed flag too (its SKU was claimed when the quantity was planned).</param>
public sealed record SyncResult(string ListingId, int Quantity, DateTimeOffset QueuedAt, string? Error, bool SkuClaimed = false);
