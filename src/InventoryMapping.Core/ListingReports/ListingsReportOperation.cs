using Azure.Data.Tables;
using InventoryMapping.AmazonAccess;
using InventoryMapping.Channels;
using InventoryMapping.Lifecycle;
using InventoryMapping.SpApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InventoryMapping.ListingReports;

/// <summary>
/// The listings download as a <see cref="TrackedOperation{TRequest}"/>: createReport (All Listings), getReport until
/// Amazon is done, then the document into the listings table. Statuses move by <see cref="ReportRequestTransitions"/>.
/// </summary>
public sealed partial class ListingsReportOperation(
    ReportRequestStore requests,
    SpApiConnections connections,
    ListingReportIngestor ingestor,
    IOptions<ListingReportOptions> options,
    TimeProvider clock,
    ILogger<ListingsReportOperation> logger) : TrackedOperation<ReportRequestEntity>
{
    public override string Name => "listingsReport";

    public override TableClient Table => requests.Table;

    public override TimeSpan UnsentRequestTimeout => options.Value.UnsentRequestTimeout;

    public override ReportRequestEntity NewRequest(Channel channel, string requestId, DateTimeOffset now) =>
        new() { PartitionKey = channel.ChannelId, RowKey = requestId, RequestedAt = now, StatusSince = now, MarketplaceIds = string.Join(',', channel.MarketplaceIds) };

    public override bool IsSent(ReportRequestEntity request) => request.MarketplaceReports().All(r => r.ReportId is not null);

    /// <summary>One createReport per marketplace (Amazon uses only the first marketplace id of a listings report); a retry goes on from the first without one.</summary>
    public override async Task<Step> SendAsync(Channel channel, ReportRequestEntity request, bool interactive, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(channel, interactive ? SpApiCallPolicy.Interactive : SpApiCallPolicy.Background, cancellationToken);
        var reports = request.MarketplaceReports();
        foreach (var (marketplaceId, _) in reports.Where(r => r.ReportId is null))
        {
            // A row from before marketplaces were tracked names none: it asks as it did then.
            var ids = marketplaceId is null ? channel.MarketplaceIds.ToList() : [marketplaceId];
            var reportId = await ForMarketplaceAsync(reports, marketplaceId, () => client.CreateReportAsync(ReportTypes.MerchantListingsAllData, ids, cancellationToken), cancellationToken);
            request.AddReport(reportId);
            LogRequested(logger, channel.ChannelId, reportId);
        }

        request.RequestedAt = clock.GetUtcNow();
        request.StatusSince = request.RequestedAt;
        request.Error = null;
        return Step.Continue;
    }

    public override async Task<Step> AdvanceAsync(Channel channel, ReportRequestEntity request, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(channel, SpApiCallPolicy.Background, cancellationToken);
        var marketplaces = request.MarketplaceReports();
        var reports = new List<(string? MarketplaceId, Report Report)>(marketplaces.Count);
        foreach (var (marketplaceId, reportId) in marketplaces)
        {
            reports.Add((marketplaceId, await ForMarketplaceAsync(marketplaces, marketplaceId, () => client.GetReportAsync(reportId!, cancellationToken), cancellationToken)));
        }

        // The request as a whole: one marketplace's failure fails it, one late marketplace holds it; done when all are.
        var now = clock.GetUtcNow();
        if (reports.FirstOrDefault(r => r.Report.ProcessingStatus is not (ReportProcessingStatus.InQueue or ReportProcessingStatus.InProgress or ReportProcessingStatus.Done or ReportProcessingStatus.Cancelled)) is { Report: not null } fatal)
        {
            var why = fatal.Report.ReportDocumentId is { } errorDocument ? await ErrorDocumentAsync(client, errorDocument, cancellationToken) : null;
            var aborted = Named(marketplaces, fatal.MarketplaceId, "Amazon aborted the report (FATAL)");
            request.MoveTo(
                ReportRequestStatus.Failed,
                clock.GetUtcNow(),
                why is null
                    ? $"{aborted}. It will be requested again on the next schedule."
                    : $"{aborted}: {why} It will be requested again on the next schedule.");
            return Step.Ended;
        }

        if (reports.FirstOrDefault(r => r.Report.ProcessingStatus == ReportProcessingStatus.InQueue) is { Report: not null } queued)
        {
            if (now - request.RequestedAt >= options.Value.InQueueTimeout)
            {
                var reason = Named(marketplaces, queued.MarketplaceId, $"Still IN_QUEUE after {options.Value.InQueueTimeout}; cancelled and requested again.");
                return await ReplaceAsync(channel, client, request, reports.Where(r => r.Report.ProcessingStatus == ReportProcessingStatus.InQueue).Select(r => r.Report.ReportId), reason, cancellationToken);
            }
        }

        if (reports.FirstOrDefault(r => r.Report.ProcessingStatus == ReportProcessingStatus.InProgress) is { Report: not null } working)
        {
            if (request.RequestStatus == ReportRequestStatus.InProgress && request.InStatusFor(now) >= options.Value.InProgressTimeout)
            {
                // Amazon cannot cancel a report IN_PROGRESS: leave it and ask for a new one.
                request.MoveTo(ReportRequestStatus.Replaced, now, Named(marketplaces, working.MarketplaceId, $"Still IN_PROGRESS after {options.Value.InProgressTimeout}; requested again."));
                return Step.Restart;
            }

            request.MoveTo(ReportRequestStatus.InProgress, now);
            return Step.Continue;
        }

        if (reports.Any(r => r.Report.ProcessingStatus == ReportProcessingStatus.InQueue))
        {
            return Step.Continue;
        }

        // A marketplace whose report Amazon cancelled has no listings (it cancels when there is no data); all cancelled: nothing to apply.
        var done = reports.Where(r => r.Report.ProcessingStatus == ReportProcessingStatus.Done).ToList();
        if (done.Count == 0)
        {
            request.MoveTo(ReportRequestStatus.NoData, now, "Amazon cancelled the report, which it does when there is no data. Listings were left as they were.");
            return Step.Ended;
        }

        return await IngestAsync(channel, client, request, marketplaces, done, cancellationToken);
    }

    public override void Fail(ReportRequestEntity request, string reason, DateTimeOffset now) => request.MoveTo(ReportRequestStatus.Failed, now, reason);

    private async Task<SpApiReportsClient> ClientAsync(Channel channel, SpApiCallPolicy policy, CancellationToken cancellationToken)
    {
        var client = await connections.CreateReportsClientAsync(channel, cancellationToken, policy);
        return client.IsSuccess ? client.Value : throw new ChannelCredentialsMissingException(client.Error.Detail);
    }

    private async Task<Step> ReplaceAsync(
        Channel channel, SpApiReportsClient client, ReportRequestEntity request, IEnumerable<string> queuedReportIds, string reason, CancellationToken cancellationToken)
    {
        foreach (var reportId in queuedReportIds)
        {
            try
            {
                await client.CancelReportAsync(reportId, cancellationToken);
            }
            catch (SpApiException e)
            {
                LogCancelFailed(logger, channel.ChannelId, e.Message);
            }
        }

        request.MoveTo(ReportRequestStatus.Replaced, clock.GetUtcNow(), reason);
        return Step.Restart;
    }

    private async Task<Step> IngestAsync(
        Channel channel,
        SpApiReportsClient client,
        ReportRequestEntity request,
        IReadOnlyList<(string? MarketplaceId, string? ReportId)> marketplaces,
        IReadOnlyList<(string? MarketplaceId, Report Report)> done,
        CancellationToken cancellationToken)
    {
        if (request.RequestStatus != ReportRequestStatus.Ingesting)
        {
            // Recorded before the download: a process that dies mid-ingest leaves `ingesting`, and the next run ingests again.
            request.MoveTo(ReportRequestStatus.Ingesting, clock.GetUtcNow(), request.Error);
            await CheckpointAsync(request, cancellationToken);
        }

        var rejectedRows = 0L;
        // Listings are stamped with our request id, unique for ever, rather than Amazon's report id (unique only per
        // seller, and not at all across sandbox restarts).
        var result = await ingestor.IngestAsync(
            channel,
            request.RowKey,
            RowsOfAsync(client, marketplaces, done, () => Interlocked.Increment(ref rejectedRows), cancellationToken),
            cancellationToken,
            options.Value.HoldRetireShare);

        var reportIds = string.Join(',', done.Select(r => r.Report.ReportId));
        // The listings are as current as the oldest report they come from.
        var asOf = done.Min(r => r.Report.ProcessingEndTime ?? r.Report.CreatedTime);
        request.RowsIngested = result.Rows;
        request.RowsRejected = result.Rejected + rejectedRows;
        request.ListingsRetired = result.Retired;
        if (result.Held)
        {
            request.ListingsToRetire = result.ToRetire;
            request.MoveTo(
                ReportRequestStatus.Held,
                clock.GetUtcNow(),
                $"The report would retire {result.ToRetire} of the channel's listed listings, more than {options.Value.HoldRetireShare:P0}: none were retired. " +
                "Confirm the request to apply it, or request a new report.");
            LogHeld(logger, channel.ChannelId, reportIds, result.ToRetire);
            return Step.Completed(asOf);
        }

        request.MoveTo(ReportRequestStatus.Ingested, clock.GetUtcNow());
        LogIngested(logger, channel.ChannelId, reportIds, result.Rows, result.Created, result.Updated, result.Retired);
        return Step.Completed(asOf);
    }

    /// <summary>
    /// The rows of every marketplace's report as one stream (one stamp, one retire after all): a listing in any of them is
    /// listed. The channel's first marketplace comes last, so where a SKU is in several its row is the one kept.
    /// Each document is fetched only when its turn comes (its URL lives minutes).
    /// </summary>
    private async IAsyncEnumerable<AmazonListingRow> RowsOfAsync(
        SpApiReportsClient client,
        IReadOnlyList<(string? MarketplaceId, string? ReportId)> marketplaces,
        IReadOnlyList<(string? MarketplaceId, Report Report)> done,
        Action onRejectedRow,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (marketplaceId, report) in done.Reverse())
        {
            var document = await ForMarketplaceAsync(marketplaces, marketplaceId, () => client.GetReportDocumentAsync(report.ReportDocumentId!, cancellationToken), cancellationToken);
            await using var rows = client.ReadAllListingsAsync(document, _ => onRejectedRow(), cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await ForMarketplaceAsync(marketplaces, marketplaceId, () => rows.MoveNextAsync().AsTask(), cancellationToken))
            {
                yield return rows.Current;
            }
        }
    }

    /// <summary>A step with one marketplace's report; when the channel has several, its failure names the marketplace.</summary>
    private static async Task<T> ForMarketplaceAsync<T>(
        IReadOnlyList<(string? MarketplaceId, string? ReportId)> marketplaces, string? marketplaceId, Func<Task<T>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (marketplaces.Count > 1 && marketplaceId is not null && AmazonFailures.Classify(e, cancellationToken) is not null)
        {
            throw new MarketplaceStepException(marketplaceId, e);
        }
    }

    /// <summary><paramref name="text"/>, prefixed with the marketplace when the request has several.</summary>
    private static string Named(IReadOnlyList<(string? MarketplaceId, string? ReportId)> marketplaces, string? marketplaceId, string text) =>
        marketplaces.Count > 1 && marketplaceId is not null ? $"Marketplace {marketplaceId}: {text}" : text;

    /// <summary>The text of a FATAL report's error document (Amazon sometimes gives one), shortened; null when there is none or it cannot be read.</summary>
    private async Task<string?> ErrorDocumentAsync(SpApiReportsClient client, string reportDocumentId, CancellationToken cancellationToken)
    {
        const int MaxChars = 1_000;
        try
        {
            var document = await client.GetReportDocumentAsync(reportDocumentId, cancellationToken);
            using var reader = await client.OpenReportDocumentAsync(document, cancellationToken);
            var buffer = new char[MaxChars];
            var read = await reader.ReadBlockAsync(buffer, cancellationToken);
            var text = string.Concat(new string(buffer, 0, read).Select(c => char.IsControl(c) ? ' ' : c)).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception e) when (e is SpApiException or SpApiContractException or ReportDocumentException or HttpRequestException or IOException or SpApiRateLimitedException)
        {
            LogErrorDocumentUnreadable(logger, reportDocumentId, e.Message);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "FATAL report's error document {DocumentId} could not be read: {Message}")]
    private static partial void LogErrorDocumentUnreadable(ILogger logger, string documentId, string message);

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: report {ReportIds} held: it would retire {ToRetire} listings")]
    private static partial void LogHeld(ILogger logger, string channelId, string reportIds, long toRetire);

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: requested listings report {ReportId}")]
    private static partial void LogRequested(ILogger logger, string channelId, string reportId);

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: ingested report {ReportIds}: {Rows} rows, {Created} new, {Updated} changed, {Retired} no longer listed")]
    private static partial void LogIngested(ILogger logger, string channelId, string reportIds, long rows, long created, long updated, long retired);

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: cancelReport failed: {Message}")]
    private static partial void LogCancelFailed(ILogger logger, string channelId, string message);
}
