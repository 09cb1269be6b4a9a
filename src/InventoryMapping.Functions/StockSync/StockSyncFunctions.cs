using InventoryMapping.Functions.Http;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.StockSync;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.StockSync;

public sealed class StockSyncFunctions(StockSyncService sync, StockJobs jobs)
{
    /// <summary>Resubmits every eligible linked listing's quantity, as a job; refused (429, Retry-After) within the channel's cooldown.</summary>
    [Function("ForceUpdate")]
    public Task<Results<Accepted<Job>, ProblemHttpResult>> ForceUpdate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/force-update")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(
            request,
            ["dryRun"],
            async () =>
            {
                var dryRun = QueryValues.Bool(request, "dryRun");
                return dryRun.IsSuccess ? await jobs.StartForceUpdateAsync(channelId, dryRun.Value ?? false, cancellationToken) : dryRun.Error;
            },
            job => TypedResults.Accepted($"/api/jobs/{job.JobId}", job));

    /// <summary>The delta sync: follows every channel's stock submission in flight, and starts one where listings are pending.</summary>
    [Function("SyncStock")]
    public Task Sync([TimerTrigger("%StockSyncSchedule%")] TimerInfo timer, CancellationToken cancellationToken) => sync.RunAsync(cancellationToken);

    [Function("GetStockSync")]
    public Task<Results<Ok<StockSyncState>, ProblemHttpResult>> State(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/stock-sync")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => sync.GetStateAsync(channelId, cancellationToken));

    /// <summary>Sends the submission the safety rail holds.</summary>
    [Function("ConfirmStockSync")]
    public Task<Results<Ok<StockSubmission>, ProblemHttpResult>> Confirm(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/stock-sync/confirm")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => sync.ConfirmAsync(channelId, cancellationToken));

    /// <summary>Drops the submission the safety rail holds: nothing of it is sent.</summary>
    [Function("DiscardStockSync")]
    public Task<Results<Ok<StockSubmission>, ProblemHttpResult>> Discard(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/stock-sync/discard")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => sync.DiscardAsync(channelId, cancellationToken));
}
