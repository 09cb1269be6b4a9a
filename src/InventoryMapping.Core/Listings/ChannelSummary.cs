namespace InventoryMapping.Listings;

/// <summary>The head of the mapping screen: which account, and how many listings are active, linked and unlinked.</summary>
public sealed record ChannelSummary(string ChannelId, string AccountId, string AccountName, ChannelCounts Counts);
