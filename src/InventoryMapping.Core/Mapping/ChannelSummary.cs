using InventoryMapping.ListingReports;
using InventoryMapping.Listings;

namespace InventoryMapping.Mapping;

/// <summary>The head of the mapping screen: which account, and how many listings are active, linked and
/// unlinked, and where the download of Amazon's listings stands.</summary>
public sealed record ChannelSummary(string ChannelId, string AccountId, string AccountName, ChannelCounts Counts, ChannelReportState Listings)
{
    /// <summary>Where pushing stock levels to Amazon stands: last run, pending listings, a held submission, the last error.</summary>
    public StockSync.StockSyncState? StockSync { get; init; }
}
