using InventoryMapping.Channels;
using InventoryMapping.Lifecycle;

namespace InventoryMapping.ListingReports;

/// <summary>
/// The channel's listings download: request the All Listings report, follow it while Amazon works, ingest it when
/// done — the <see cref="ListingsReportOperation"/> run by the one <see cref="OperationLifecycle"/>.
/// </summary>
public sealed class ListingReportService(
    ChannelStore channels,
    ReportRequestStore requests,
    OperationLifecycle lifecycle,
    ListingsReportOperation operation,
    TimeProvider clock)
{
    private readonly ListingsReportOperation _operation = operation;

    /// <summary>Re-Request Report: a new request now, unless one is in flight, which is then the answer. Never waits out Amazon's retries.</summary>
    public async Task<Result<ReportRequest>> RequestNowAsync(string channelId, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is not { } channel)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        return (await lifecycle.StartAsync(_operation, channel, interactive: true, cancellationToken)).ToRequest();
    }

    /// <summary>The channel's newest request, whatever its outcome.</summary>
    public async Task<Result<ReportRequest>> GetLatestAsync(string channelId, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        return await requests.GetLatestAsync(channelId, cancellationToken) is { } latest
            ? latest
            : new DomainError(DomainErrorKind.NotFound, "No report yet", $"No listings report was ever requested for channel '{channelId}'.");
    }

    public async Task<ChannelReportState> GetStateAsync(string channelId, CancellationToken cancellationToken)
    {
        var reading = lifecycle.ReadSlotAsync(_operation, channelId, cancellationToken);
        var latest = await requests.GetLatestAsync(channelId, cancellationToken);
        var slot = await reading;
        return ChannelReportState.Of(latest, slot.InFlightRequestId is not null, slot.AsOf);
    }

    /// <summary>Timer: asks for a report for each channel with none in flight whose listings are older than its refresh interval.</summary>
    public async Task RequestDueAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in await channels.ListAsync(cancellationToken))
        {
            var slot = await lifecycle.ReadSlotAsync(_operation, channel.ChannelId, cancellationToken);
            var due = slot.AsOf is not { } asOf || clock.GetUtcNow() - asOf >= channel.ListingsRefreshInterval;
            if (slot.InFlightRequestId is null && due)
            {
                await lifecycle.StartAsync(_operation, channel, interactive: false, cancellationToken);
            }
        }
    }

    /// <summary>Timer: moves every in-flight request one step (status, document, ingestion).</summary>
    public async Task CollectAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in await channels.ListAsync(cancellationToken))
        {
            await lifecycle.AdvanceAsync(_operation, channel, cancellationToken);
        }
    }
}
