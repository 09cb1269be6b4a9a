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
            case ReportProcessingStatus.InProgress:
                request.MoveTo(ReportRequestStatus.InProgress, now);
                return Step.Continue;
            case ReportProcessingStatus.Done:
                return await IngestAsync(channel, client, request, report, cancellationToken);
            case ReportProcessingStatus.Cancelled:
                request.MoveTo(ReportRequestStatus.NoData, now, "Amazon cancelled the report, which it does when there is no data. Listings were left as they were.");
                return Step.Ended;
            default:
                request.MoveTo(ReportRequestStatus.Failed, now, "Amazon aborted the report (FATAL). It will be requested again on the next schedule.");
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
            cancellationToken);

        request.RowsIngested = result.Rows;
        request.RowsRejected = result.Rejected + rejectedRows;
        request.ListingsRetired = result.Retired;
        request.MoveTo(ReportRequestStatus.Ingested, clock.GetUtcNow());
        LogIngested(logger, channel.ChannelId, report.ReportId, result.Rows, result.Created, result.Updated, result.Retired);
        return Step.Completed(report.ProcessingEndTime ?? report.CreatedTime);
    }

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: requested listings report {ReportId}")]
    private static partial void LogRequested(ILogger logger, string channelId, string reportId);

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: ingested report {ReportId}: {Rows} rows, {Created} new, {Updated} changed, {Retired} no longer listed")]
    private static partial void LogIngested(ILogger logger, string channelId, string reportId, long rows, long created, long updated, long retired);

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: cancelReport failed: {Message}")]
    private static partial void LogCancelFailed(ILogger logger, string channelId, string message);
}
