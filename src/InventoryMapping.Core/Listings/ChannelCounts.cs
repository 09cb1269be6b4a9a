namespace InventoryMapping.Listings;

/// <summary>
/// Exact listing totals of a channel. Every figure but <paramref name="Retired"/> counts listed listings (those in the
/// channel's latest complete report): Active + Inactive = Linked + Unlinked = Total. Each is what the listing pages
/// give under one filter (see docs/api.md).
/// </summary>
public sealed record ChannelCounts(long Total, long Active, long Inactive, long Linked, long Unlinked, long Fba, long IgnoreSync, long Retired);
