using InventoryMapping.Channels;
using InventoryMapping.Lifecycle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    ListingReportIngestor ingestor,
    IOptions<ListingReportOptions> options,
    TimeProvider clock,
    ILogger<ListingReportService> logger)
{
    private readonly ListingsReportOperation _operation = operation;
    private readonly ChannelRun _requestRun = new(options.Value.ChannelParallelism, options.Value.RunBudget, clock, logger);
    private readonly ChannelRun _collectRun = new(options.Value.ChannelParallelism, options.Value.RunBudget, clock, logger);

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

    /// <summary>
    /// Applies a <see cref="ReportRequestStatus.Held"/> report: retires the listings it did not contain. Only the
    /// channel's latest request can be confirmed; a newer one replaced it.
    /// </summary>
    public async Task<Result<ReportRequest>> ConfirmAsync(string channelId, string requestId, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        if (await lifecycle.GetRequestAsync(_operation, channelId, requestId, cancellationToken) is not { } request)
        {
            return DomainError.NotFound("Report request", requestId);
        }

        if (request.RequestStatus == ReportRequestStatus.Ingested && request.ListingsToRetire is not null)
        {
            return request.ToRequest(); // confirmed already: the same answer again
        }

        if (request.RequestStatus != ReportRequestStatus.Held)
        {
            return DomainError.Conflict($"Only a held report request can be confirmed; this one is {request.ToRequest().Status}.");
        }

        if ((await requests.GetLatestAsync(channelId, cancellationToken))?.RequestId != requestId)
        {
            return DomainError.Conflict("A newer report request replaced this one; confirm that one if it is held.");
        }

        request.ListingsRetired = await ingestor.RetireAbsentAsync(channelId, requestId, cancellationToken);
        request.MoveTo(ReportRequestStatus.Ingested, clock.GetUtcNow());
        return await TrackedRows.TrySaveAsync(_operation.Table, request, cancellationToken)
            ? request.ToRequest()
            : DomainError.Conflict("The report request changed meanwhile; read it again.");
    }

    public async Task<ChannelReportState> GetStateAsync(string channelId, CancellationToken cancellationToken)
    {
        var reading = lifecycle.ReadSlotAsync(_operation, channelId, cancellationToken);
        var latest = await requests.GetLatestAsync(channelId, cancellationToken);
        var slot = await reading;
        return ChannelReportState.Of(latest, slot.InFlightRequestId is not null, slot.AsOf);
    }

    /// <summary>Timer: asks for a report for each channel with none in flight whose listings are older than its refresh interval.</summary>
    public async Task RequestDueAsync(CancellationToken cancellationToken) =>
        await _requestRun.RunAsync("RequestListingReports", await channels.ListAsync(cancellationToken), RequestIfDueAsync, cancellationToken);

    /// <summary>Timer: moves every in-flight request one step (status, document, ingestion), channels side by side.</summary>
    public async Task CollectAsync(CancellationToken cancellationToken) =>
        await _collectRun.RunAsync(
            "CollectListingReports",
            await channels.ListAsync(cancellationToken),
            (channel, ct) => lifecycle.AdvanceAsync(_operation, channel, ct),
            cancellationToken);

    private async Task RequestIfDueAsync(Channel channel, CancellationToken cancellationToken)
    {
        var slot = await lifecycle.ReadSlotAsync(_operation, channel.ChannelId, cancellationToken);
        var due = slot.AsOf is not { } asOf || clock.GetUtcNow() - asOf >= channel.ListingsRefreshInterval;
        if (slot.InFlightRequestId is null && due)
        {
            await lifecycle.StartAsync(_operation, channel, interactive: false, cancellationToken);
        }
    }
}
