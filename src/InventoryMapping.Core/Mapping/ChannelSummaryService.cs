using InventoryMapping.Channels;
using InventoryMapping.ListingReports;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Mapping;

/// <summary>
/// Composes the <see cref="ChannelSummary"/> from the channel, its listing counts and its listing report state. It
/// lives above Listings and ListingReports so that neither needs the other's types for it.
/// </summary>
public sealed class ChannelSummaryService(ChannelStore channels, ListingCountsRollup counts, ListingReportService reports)
{
    public async Task<Result<ChannelSummary>> SummaryAsync(string channelId, CancellationToken cancellationToken)
    {
        // Three point reads at once; the counts and report state of an unknown channel are read for nothing.
        var found = channels.GetAsync(channelId, cancellationToken);
        var totals = counts.ReadAsync(channelId, cancellationToken);
        var report = reports.GetStateAsync(channelId, cancellationToken);
        await Task.WhenAll(found, totals, report);
        return await found is { } channel
            ? new ChannelSummary(channel.ChannelId, channel.AccountId, channel.AccountName, await totals, await report)
            : DomainError.NotFound("Channel", channelId);
    }
}
