namespace InventoryMapping.Listings;

/// <summary>Exact listing totals of a channel. Linked and Unlinked count active listings, so they add up to Active.</summary>
public sealed record ChannelCounts(long Total, long Active, long Inactive, long Linked, long Unlinked);
