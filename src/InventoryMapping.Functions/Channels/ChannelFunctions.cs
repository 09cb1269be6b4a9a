using InventoryMapping.Channels;
using InventoryMapping.Mapping;
using InventoryMapping.Functions.Http;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Channels;

public sealed class ChannelFunctions(ChannelService channels, ChannelSummaryService summaries, ChannelDeletion deletion)
{
    [Function("ListChannels")]
    public Task<Results<Ok<IReadOnlyList<Channel>>, ProblemHttpResult>> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, async () => Result<IReadOnlyList<Channel>>.Of(await channels.ListAsync(cancellationToken)));

    [Function("GetChannel")]
    public Task<Results<Ok<Channel>, ProblemHttpResult>> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => channels.GetAsync(channelId, cancellationToken));

    [Function("PutChannel")]
    public Task<Results<Ok<Channel>, ProblemHttpResult>> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "channels/{channelId}")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ChannelDefinition, Channel>(
            request, body => channels.PutAsync(channelId, body, Responses.IfMatchOrAny(request), cancellationToken), cancellationToken);

    /// <summary>Deletes the channel at once (it reads as gone); a job removes its listings and report requests.</summary>
    [Function("DeleteChannel")]
    public Task<Results<Accepted<Job>, ProblemHttpResult>> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "channels/{channelId}")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(
            request, [], () => deletion.DeleteAsync(channelId, Responses.IfMatch(request), cancellationToken), job => TypedResults.Accepted($"/api/jobs/{job.JobId}", job));

    [Function("GetChannelSummary")]
    public Task<Results<Ok<ChannelSummary>, ProblemHttpResult>> Summary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/summary")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => summaries.SummaryAsync(channelId, cancellationToken));
}
