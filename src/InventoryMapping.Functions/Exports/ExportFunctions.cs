using InventoryMapping.Csv;
using InventoryMapping.Functions.Http;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Exports;

/// <summary>Export Mapping as CSV (docs/csv.md): started over HTTP or by a request file, run as a job, downloaded from the job.</summary>
public sealed class ExportFunctions(MappingExports exports, JobService jobs)
{
    [Function("StartExport")]
    public Task<Results<Accepted<Job>, ProblemHttpResult>> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/exports")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<MappingExportRequest, Job, Accepted<Job>>(
            request, body => exports.StartAsync(channelId, body, cancellationToken), job => TypedResults.Accepted($"/api/jobs/{job.JobId}", job), cancellationToken);

    [Function("GetExportFields")]
    public Task<Results<Ok<MappingCsvFields>, ProblemHttpResult>> Fields(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/exports/fields")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => exports.FieldsAsync(channelId, cancellationToken));

    /// <summary>Streams the file a job wrote (an export's CSV), for clients that cannot use the job's download link.</summary>
    [Function("GetJobFile")]
    public Task<Results<FileStreamHttpResult, ProblemHttpResult>> File(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "jobs/{jobId}/file")] HttpRequest request, string jobId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(
            request, [], () => jobs.OpenFileAsync(jobId, cancellationToken), file => TypedResults.Stream(file.Content, file.ContentType, file.FileName));

    /// <summary>
    /// A request file <c>export-requests/{channelId}/{name}.json</c> starts an export to <c>exports/{channelId}/{name}.csv</c>
    /// and leaves <c>{name}.result.json</c> beside it. Event Grid-sourced, as Flex Consumption requires (infra/ subscribes
    /// this function by name). The container is the setting <c>ExportRequestsContainerName</c>: the storage prefix and
    /// <c>export-requests</c>, so a host under a prefix watches its own. The service reads the file itself, with its ETag, so one version starts one job however
    /// often it is delivered; a request it refuses ends with its result, and only storage failures throw (retried, then poison).
    /// </summary>
    [Function("ExportRequested")]
    public async Task Requested(
        [BlobTrigger("%ExportRequestsContainerName%/{channelId}/{name}.json", Source = BlobTriggerSource.EventGrid, Connection = "AppStorage")] Stream requestFile,
        string channelId,
        string name,
        CancellationToken cancellationToken)
    {
        // The service reads the file itself, with its ETag; the trigger's stream is not read.
        await requestFile.DisposeAsync();
        await exports.StartFromRequestFileAsync(channelId, name, cancellationToken);
    }
}
