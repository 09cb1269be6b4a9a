namespace InventoryMapping.StockMarks;

/// <summary>A listing the item → listings index says is (or was, until its removal) linked to an item.</summary>
public sealed record IndexedListing(string ItemId, string ChannelId, string ListingId);
