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
        new() { PartitionKey = channel.ChannelId, RowKey = requestId, RequestedAt = now, StatusSince = now };

    public override bool IsSent(ReportRequestEntity request) => request.AmazonReportId is not null;

    public override async Task SendAsync(Channel channel, ReportRequestEntity request, bool interactive, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(channel, interactive ? SpApiCallPolicy.Interactive : SpApiCallPolicy.Background, cancellationToken);
        request.AmazonReportId = await client.CreateReportAsync(ReportTypes.MerchantListingsAllData, channel.MarketplaceIds.ToList(), cancellationToken);
        request.RequestedAt = clock.GetUtcNow();
        request.StatusSince = request.RequestedAt;
        request.Error = null;
        LogRequested(logger, channel.ChannelId, request.AmazonReportId);
    }

    public override async Task<Step> AdvanceAsync(Channel channel, ReportRequestEntity request, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(channel, SpApiCallPolicy.Background, cancellationToken);
        var report = await client.GetReportAsync(request.AmazonReportId!, cancellationToken);
        var now = clock.GetUtcNow();
        switch (report.ProcessingStatus)
        {
            case ReportProcessingStatus.InQueue when now - request.RequestedAt >= options.Value.InQueueTimeout:
                return await ReplaceAsync(channel, client, request, $"Still IN_QUEUE after {options.Value.InQueueTimeout}; cancelled and requested again.", cancellationToken);
            case ReportProcessingStatus.InQueue:
                return Step.Continue;
            case ReportProcessingStatus.InProgress when request.RequestStatus == ReportRequestStatus.InProgress
                && request.InStatusFor(now) >= options.Value.InProgressTimeout:
                // Amazon cannot cancel a report IN_PROGRESS: leave it and ask for a new one.
                request.MoveTo(ReportRequestStatus.Replaced, now, $"Still IN_PROGRESS after {options.Value.InProgressTimeout}; requested again.");
                return Step.Restart;
            case ReportProcessingStatus.InProgress:
                request.MoveTo(ReportRequestStatus.InProgress, now);
                return Step.Continue;
            case ReportProcessingStatus.Done:
                return await IngestAsync(channel, client, request, report, cancellationToken);
            case ReportProcessingStatus.Cancelled:
                request.MoveTo(ReportRequestStatus.NoData, now, "Amazon cancelled the report, which it does when there is no data. Listings were left as they were.");
                return Step.Ended;
            default:
                var why = report.ReportDocumentId is { } errorDocument ? await ErrorDocumentAsync(client, errorDocument, cancellationToken) : null;
                request.MoveTo(
                    ReportRequestStatus.Failed,
                    clock.GetUtcNow(),
                    why is null
                        ? "Amazon aborted the report (FATAL). It will be requested again on the next schedule."
                        : $"Amazon aborted the report (FATAL): {why} It will be requested again on the next schedule.");
                return Step.Ended;
        }
    }

    public override void Fail(ReportRequestEntity request, string reason, DateTimeOffset now) => request.MoveTo(ReportRequestStatus.Failed, now, reason);

    private async Task<SpApiReportsClient> ClientAsync(Channel channel, SpApiCallPolicy policy, CancellationToken cancellationToken)
    {
        var client = await connections.CreateReportsClientAsync(channel, cancellationToken, policy);
        return client.IsSuccess ? client.Value : throw new ChannelCredentialsMissingException(client.Error.Detail);
    }

    private async Task<Step> ReplaceAsync(Channel channel, SpApiReportsClient client, ReportRequestEntity request, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await client.CancelReportAsync(request.AmazonReportId!, cancellationToken);
        }
        catch (SpApiException e)
        {
            LogCancelFailed(logger, channel.ChannelId, e.Message);
        }

        request.MoveTo(ReportRequestStatus.Replaced, clock.GetUtcNow(), reason);
        return Step.Restart;
    }

    private async Task<Step> IngestAsync(Channel channel, SpApiReportsClient client, ReportRequestEntity request, Report report, CancellationToken cancellationToken)
    {
        if (request.RequestStatus != ReportRequestStatus.Ingesting)
        {
            // Recorded before the download: a process that dies mid-ingest leaves `ingesting`, and the next run ingests again.
            request.MoveTo(ReportRequestStatus.Ingesting, clock.GetUtcNow(), request.Error);
            await CheckpointAsync(request, cancellationToken);
        }

        var document = await client.GetReportDocumentAsync(report.ReportDocumentId!, cancellationToken);
        var rejectedRows = 0L;
        // Listings are stamped with our request id, unique for ever, rather than Amazon's report id (unique only per
        // seller, and not at all across sandbox restarts).
        var result = await ingestor.IngestAsync(
            channel,
            request.RowKey,
            client.ReadAllListingsAsync(document, _ => Interlocked.Increment(ref rejectedRows), cancellationToken),
            cancellationToken,
            options.Value.HoldRetireShare);

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
            LogHeld(logger, channel.ChannelId, report.ReportId, result.ToRetire);
            return Step.Completed(report.ProcessingEndTime ?? report.CreatedTime);
        }

        request.MoveTo(ReportRequestStatus.Ingested, clock.GetUtcNow());
        LogIngested(logger, channel.ChannelId, report.ReportId, result.Rows, result.Created, result.Updated, result.Retired);
        return Step.Completed(report.ProcessingEndTime ?? report.CreatedTime);
    }

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

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: report {ReportId} held: it would retire {ToRetire} listings")]
    private static partial void LogHeld(ILogger logger, string channelId, string reportId, long toRetire);

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: requested listings report {ReportId}")]
    private static partial void LogRequested(ILogger logger, string channelId, string reportId);

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: ingested report {ReportId}: {Rows} rows, {Created} new, {Updated} changed, {Retired} no longer listed")]
    private static partial void LogIngested(ILogger logger, string channelId, string reportId, long rows, long created, long updated, long retired);

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: cancelReport failed: {Message}")]
    private static partial void LogCancelFailed(ILogger logger, string channelId, string message);
}
