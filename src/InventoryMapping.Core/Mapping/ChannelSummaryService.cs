using InventoryMapping.Channels;
using InventoryMapping.ListingReports;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Mapping;

/// <summary>
/// Composes the <see cref="ChannelSummary"/> from the channel, its listing counts, its listing report state and its stock sync state. It
/// lives above Listings and ListingReports so that neither needs the other's types for it.
/// </summary>
public sealed class ChannelSummaryService(ChannelStore channels, ListingCountsRollup counts, ListingReportService reports, StockSync.StockSyncService stock)
{
    public async Task<Result<ChannelSummary>> SummaryAsync(string channelId, CancellationToken cancellationToken)
    {
        // Three point reads at once; the counts and report state of an unknown channel are read for nothing.
        var found = channels.GetAsync(channelId, cancellationToken);
        var totals = counts.ReadAsync(channelId, cancellationToken);
        var report = reports.GetStateAsync(channelId, cancellationToken);
        var sync = stock.StateAsync(channelId, cancellationToken);
        await Task.WhenAll(found, totals, report, sync);
        return await found is { } channel
            ? new ChannelSummary(channel.ChannelId, channel.AccountId, channel.AccountName, await totals, await report) { StockSync = await sync }
            : DomainError.NotFound("Channel", channelId);
    }
}
