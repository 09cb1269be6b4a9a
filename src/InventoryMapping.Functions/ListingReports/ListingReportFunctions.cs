using InventoryMapping.Functions.Http;
using InventoryMapping.ListingReports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.ListingReports;

public sealed class ListingReportFunctions(ListingReportService reports)
{
    /// <summary>Asks Amazon for the listings of every channel whose listings are older than its refresh interval.</summary>
    [Function("RequestListingReports")]
    public Task Request([TimerTrigger("%RequestListingReportsSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reports.RequestDueAsync(cancellationToken);

    /// <summary>Follows every report in flight: status, then download and ingestion when Amazon is done.</summary>
    [Function("CollectListingReports")]
    public Task Collect([TimerTrigger("%CollectListingReportsSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reports.CollectAsync(cancellationToken);

    [Function("RequestListingReport")]
    public Task<Results<Accepted<ReportRequest>, ProblemHttpResult>> RequestNow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/report-requests")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(
            request,
            [],
            () => reports.RequestNowAsync(channelId, cancellationToken),
            requested => TypedResults.Accepted($"/api/channels/{channelId}/report-requests/latest", requested));

    [Function("GetLatestListingReport")]
    public Task<Results<Ok<ReportRequest>, ProblemHttpResult>> Latest(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/report-requests/latest")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => reports.GetLatestAsync(channelId, cancellationToken));

    /// <summary>Applies a held report (one that would have retired most of the channel's listings).</summary>
    [Function("ConfirmListingReport")]
    public Task<Results<Ok<ReportRequest>, ProblemHttpResult>> Confirm(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/report-requests/{requestId}/confirm")] HttpRequest request,
        string channelId,
        string requestId,
        CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => reports.ConfirmAsync(channelId, requestId, cancellationToken));
}
