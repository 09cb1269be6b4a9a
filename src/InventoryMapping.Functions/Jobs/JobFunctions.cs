using InventoryMapping.Functions.Http;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Jobs;

public sealed class JobFunctions(MappingJobs mapping, JobService jobs, JobRunner runner, ReservationSweeps sweeps)
{
    [Function("StartLinkAllBySku")]
    public Task<Results<Accepted<Job>, ProblemHttpResult>> LinkAll(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/link-all-by-sku")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, ["dryRun", "match"], () => StartAsync(request, JobKind.LinkAllBySku, channelId, cancellationToken), Accepted);

    [Function("StartCreateAll")]
    public Task<Results<Accepted<Job>, ProblemHttpResult>> CreateAll(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/create-all")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, ["dryRun"], () => StartAsync(request, JobKind.CreateAll, channelId, cancellationToken), Accepted);

    [Function("ListChannelJobs")]
    public Task<Results<Ok<ChannelJobsPage>, ProblemHttpResult>> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/jobs")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, ["pageSize", "continuationToken"], async () =>
        {
            var pageSize = QueryValues.Int(request, "pageSize");
            return pageSize.IsSuccess
                ? await jobs.ListForChannelAsync(channelId, pageSize.Value ?? JobService.DefaultPageSize, QueryValues.Text(request, "continuationToken"), cancellationToken)
                : pageSize.Error;
        });

    [Function("GetJob")]
    public Task<Results<Ok<Job>, ProblemHttpResult>> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "jobs/{jobId}")] HttpRequest request, string jobId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => jobs.GetAsync(jobId, cancellationToken));

    [Function("GetJobReported")]
    public Task<Results<Ok<ReportedPage>, ProblemHttpResult>> GetReported(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "jobs/{jobId}/reported")] HttpRequest request, string jobId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(
            request, ["continuationToken"], () => jobs.GetReportedAsync(jobId, QueryValues.Text(request, "continuationToken"), cancellationToken));

    /// <summary>
    /// Runs jobs from the queue; a message's next delivery after a crash goes on from the job's checkpoint. The
    /// message is bound as a POCO by the host's serializer, which ignores fields it does not know.
    /// </summary>
    [Function("RunJob")]
    public Task Run([QueueTrigger("%JobsQueueName%", Connection = "AppStorage")] JobMessage message, CancellationToken cancellationToken) =>
        runner.RunAsync(message, cancellationToken);

    /// <summary>Every hour, a job resolves the SKU reservations crashes left uncommitted; its result counts them.</summary>
    [Function("SweepReservations")]
    public Task Sweep([TimerTrigger("0 30 * * * *")] TimerInfo timer, CancellationToken cancellationToken) => sweeps.StartAsync(cancellationToken);

    private static Accepted<Job> Accepted(Job job) => TypedResults.Accepted($"/api/jobs/{job.JobId}", job);

    private async Task<Result<Job>> StartAsync(HttpRequest request, JobKind kind, string channelId, CancellationToken cancellationToken)
    {
        var dryRun = QueryValues.Bool(request, "dryRun");
        var match = QueryValues.Enum<SkuMatchMode>(request, "match");
        if ((dryRun.Error ?? match.Error) is { } invalid)
        {
            return invalid;
        }

        if (kind == JobKind.CreateAll && match.Value is not null)
        {
            return DomainError.Invalid("match", "match applies to Link All by SKU only.");
        }

        return await mapping.StartAsync(kind, channelId, dryRun.Value ?? false, match.Value ?? SkuMatchMode.Exact, cancellationToken);
    }
}
