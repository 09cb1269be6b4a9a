using InventoryMapping.Amazon;
using InventoryMapping.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InventoryMapping.ListingReports;

/// <summary>
/// The life of a channel's listings download: request the All Listings report, follow it while Amazon works,
/// ingest it when done. Every step is recorded first and idempotent, so a timer that runs twice or a process that
/// dies between steps never asks twice for the same thing or ingests a report twice into different results.
/// </summary>
public sealed partial class ListingReportService(
    ChannelStore channels,
    ReportRequestStore requests,
    SpApiConnections connections,
    ListingReportIngestor ingestor,
    IOptions<ListingReportOptions> options,
    TimeProvider clock,
    ILogger<ListingReportService> logger)
{
    /// <summary>Re-Request Report: a new request now, unless one is in flight, which is then the answer.</summary>
    public async Task<Result<ReportRequest>> RequestNowAsync(string channelId, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is not { } channel)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        return (await RequestAsync(channel, cancellationToken)).ToRequest();
    }

    /// <summary>The channel's latest report request; not found when the channel is unknown or never asked for one.</summary>
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
        var reading = requests.GetStateAsync(channelId, cancellationToken);
        var latest = await requests.GetLatestAsync(channelId, cancellationToken);
        var state = await reading;
        var name = latest is null ? "neverRequested"
            : state.InFlightRequestId is not null ? Camel(latest.Status)
            : latest.Status is ReportRequestStatus.Failed or ReportRequestStatus.NoData ? Camel(latest.Status)
            : state.ListingsAsOf is not null ? "current"
            : Camel(latest.Status);
        return new ChannelReportState(name, state.ListingsAsOf, latest);
    }

    /// <summary>Timer: asks for a report for each channel with none in flight whose listings are older than its refresh interval.</summary>
    public async Task RequestDueAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in await channels.ListAsync(cancellationToken))
        {
            var state = await requests.GetStateAsync(channel.ChannelId, cancellationToken);
            var due = state.ListingsAsOf is not { } asOf || clock.GetUtcNow() - asOf >= channel.ListingsRefreshInterval;
            if (state.InFlightRequestId is null && due)
            {
                await RequestAsync(channel, cancellationToken);
            }
        }
    }

    /// <summary>Timer: moves every in-flight request one step (status, document, ingestion).</summary>
    public async Task CollectAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in await channels.ListAsync(cancellationToken))
        {
            try
            {
                await CollectAsync(channel, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e))
            {
                // Amazon is not answering now even after retries: the request stays in flight for the next run.
                LogTransient(logger, channel.ChannelId, e.Message);
            }
        }
    }

    private async Task CollectAsync(Channel channel, CancellationToken cancellationToken)
    {
        var state = await requests.GetStateAsync(channel.ChannelId, cancellationToken);
        if (state.InFlightRequestId is not { } requestId)
        {
            return;
        }

        var request = await requests.GetAsync(channel.ChannelId, requestId, cancellationToken);
        if (request is null)
        {
            await ClearInFlightAsync(state, listingsAsOf: null, cancellationToken);
            return;
        }

        var client = connections.CreateReportsClient(channel);
        if (!client.IsSuccess)
        {
            await FailAsync(state, request, client.Error.Detail, cancellationToken);
            return;
        }

        try
        {
            if (request.AmazonReportId is null)
            {
                if (clock.GetUtcNow() - request.RequestedAt >= options.Value.UnsentRequestTimeout)
                {
                    await SendAsync(channel, client.Value, state, request, cancellationToken);
                }

                return;
            }

            var report = await client.Value.GetReportAsync(request.AmazonReportId, cancellationToken);
            switch (report.ProcessingStatus)
            {
                case ReportProcessingStatus.InQueue when clock.GetUtcNow() - request.RequestedAt >= options.Value.InQueueTimeout:
                    await ReplaceStuckAsync(channel, client.Value, state, request, cancellationToken);
                    break;
                case ReportProcessingStatus.InQueue:
                    break;
                case ReportProcessingStatus.InProgress:
                    await SetStatusAsync(request, ReportRequestStatus.InProgress, cancellationToken);
                    break;
                case ReportProcessingStatus.Done:
                    await IngestAsync(channel, client.Value, state, request, report, cancellationToken);
                    break;
                case ReportProcessingStatus.Cancelled:
                    request.Status = nameof(ReportRequestStatus.NoData);
                    request.CompletedAt = clock.GetUtcNow();
                    request.Error = "Amazon cancelled the report, which it does when there is no data. Listings were left as they were.";
                    await requests.TrySaveAsync(request, cancellationToken);
                    await ClearInFlightAsync(state, listingsAsOf: null, cancellationToken);
                    break;
                default:
                    await FailAsync(state, request, "Amazon aborted the report (FATAL). It will be requested again on the next schedule.", cancellationToken);
                    break;
            }
        }
        catch (SpApiAuthorizationException e)
        {
            await FailAsync(state, request, $"Amazon rejected the channel's credentials ({e.Error}): re-authorize the channel and update its refresh token.", cancellationToken);
        }
        catch (SpApiException e) when (!IsTransient(e))
        {
            await FailAsync(state, request, $"Amazon refused the request: {e.Code}: {e.Error?.Message}", cancellationToken);
        }
        catch (ReportDocumentException e)
        {
            // An expired or damaged download: fetch the document again on the next run (a new URL each time).
            request.Error = e.Message;
            await requests.TrySaveAsync(request, cancellationToken);
        }
    }

    private async Task<ReportRequestEntity> RequestAsync(Channel channel, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = await requests.GetStateAsync(channel.ChannelId, cancellationToken);
            if (state.InFlightRequestId is { } inFlight && await requests.GetAsync(channel.ChannelId, inFlight, cancellationToken) is { } existing)
            {
                return existing;
            }

            var now = clock.GetUtcNow();
            var request = new ReportRequestEntity { PartitionKey = channel.ChannelId, RowKey = ReportRequestEntity.NewRequestId(now), RequestedAt = now };
            state.InFlightRequestId = request.RowKey;
            if (!await requests.TrySaveAsync(state, cancellationToken))
            {
                continue; // another caller claimed the slot first; answer with theirs
            }

            await requests.TrySaveAsync(request, cancellationToken);
            var client = connections.CreateReportsClient(channel);
            if (!client.IsSuccess)
            {
                await FailAsync(state, request, client.Error.Detail, cancellationToken);
                return request;
            }

            try
            {
                await SendAsync(channel, client.Value, state, request, cancellationToken);
            }
            catch (SpApiAuthorizationException e)
            {
                await FailAsync(state, request, $"Amazon rejected the channel's credentials ({e.Error}): re-authorize the channel and update its refresh token.", cancellationToken);
            }
            catch (SpApiException e) when (!IsTransient(e))
            {
                await FailAsync(state, request, $"Amazon refused the request: {e.Code}: {e.Error?.Message}", cancellationToken);
            }
            catch (Exception e) when (IsTransient(e))
            {
                // Not sent for now; the collector sends it again once it has waited long enough.
                request.Error = e.Message;
                await requests.TrySaveAsync(request, cancellationToken);
            }

            return request;
        }
    }

    private async Task SendAsync(Channel channel, SpApiReportsClient client, ReportRequestEntity state, ReportRequestEntity request, CancellationToken cancellationToken)
    {
        request.AmazonReportId = await client.CreateReportAsync(ReportTypes.MerchantListingsAllData, channel.MarketplaceIds.ToList(), cancellationToken);
        request.RequestedAt = clock.GetUtcNow();
        request.Error = null;
        await requests.TrySaveAsync(request, cancellationToken);
        LogRequested(logger, channel.ChannelId, request.AmazonReportId);
    }

    private async Task ReplaceStuckAsync(Channel channel, SpApiReportsClient client, ReportRequestEntity state, ReportRequestEntity request, CancellationToken cancellationToken)
    {
        try
        {
            await client.CancelReportAsync(request.AmazonReportId!, cancellationToken);
        }
        catch (SpApiException e)
        {
            LogTransient(logger, channel.ChannelId, $"cancelReport: {e.Message}");
        }

        request.Status = nameof(ReportRequestStatus.Replaced);
        request.CompletedAt = clock.GetUtcNow();
        request.Error = $"Still IN_QUEUE after {options.Value.InQueueTimeout}; cancelled and requested again.";
        await requests.TrySaveAsync(request, cancellationToken);
        if (await ClearInFlightAsync(state, listingsAsOf: null, cancellationToken))
        {
            await RequestAsync(channel, cancellationToken);
        }
    }

    private async Task IngestAsync(
        Channel channel, SpApiReportsClient client, ReportRequestEntity state, ReportRequestEntity request, Report report, CancellationToken cancellationToken)
    {
        await SetStatusAsync(request, ReportRequestStatus.Ingesting, cancellationToken);
        var document = await client.GetReportDocumentAsync(report.ReportDocumentId!, cancellationToken);
        var rejectedRows = 0L;
        // Listings are stamped with our request id, unique for ever, rather than Amazon's report id (unique only per
        // seller, and not at all across sandbox restarts).
        var result = await ingestor.IngestAsync(
            channel,
            request.RowKey,
            client.ReadAllListingsAsync(document, _ => Interlocked.Increment(ref rejectedRows), cancellationToken),
            cancellationToken);

        request.Status = nameof(ReportRequestStatus.Ingested);
        request.CompletedAt = clock.GetUtcNow();
        request.RowsIngested = result.Rows;
        request.RowsRejected = result.Rejected + rejectedRows;
        request.ListingsRetired = result.Retired;
        request.Error = null;
        await requests.TrySaveAsync(request, cancellationToken);
        await ClearInFlightAsync(state, listingsAsOf: report.ProcessingEndTime ?? report.CreatedTime, cancellationToken);
        LogIngested(logger, channel.ChannelId, report.ReportId, result.Rows, result.Created, result.Updated, result.Retired);
    }

    private async Task SetStatusAsync(ReportRequestEntity request, ReportRequestStatus status, CancellationToken cancellationToken)
    {
        if (request.RequestStatus != status)
        {
            request.Status = status.ToString();
            await requests.TrySaveAsync(request, cancellationToken);
        }
    }

    private async Task FailAsync(ReportRequestEntity state, ReportRequestEntity request, string reason, CancellationToken cancellationToken)
    {
        request.Status = nameof(ReportRequestStatus.Failed);
        request.CompletedAt = clock.GetUtcNow();
        request.Error = reason;
        await requests.TrySaveAsync(request, cancellationToken);
        await ClearInFlightAsync(state, listingsAsOf: null, cancellationToken);
        LogFailed(logger, request.PartitionKey, reason);
    }

    private async Task<bool> ClearInFlightAsync(ReportRequestEntity state, DateTimeOffset? listingsAsOf, CancellationToken cancellationToken)
    {
        state.InFlightRequestId = null;
        state.ListingsAsOf = listingsAsOf ?? state.ListingsAsOf;
        return await requests.TrySaveAsync(state, cancellationToken);
    }

    /// <summary>Failures worth trying again later: Amazon overloaded or unreachable even after the client's own retries.</summary>
    private static bool IsTransient(Exception e) =>
        e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
        || (e is SpApiException api && (int)api.StatusCode is >= 500 or 429);

    private static string Camel(ReportRequestStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: requested listings report {ReportId}")]
    private static partial void LogRequested(ILogger logger, string channelId, string reportId);

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: ingested report {ReportId}: {Rows} rows, {Created} new, {Updated} changed, {Retired} no longer listed")]
    private static partial void LogIngested(ILogger logger, string channelId, string reportId, long rows, long created, long updated, long retired);

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: listings report failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string channelId, string reason);

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: Amazon not reachable now, will retry: {Message}")]
    private static partial void LogTransient(ILogger logger, string channelId, string message);
}
