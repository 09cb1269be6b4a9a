using InventoryMapping.Channels;
using InventoryMapping.Functions.Http;
using InventoryMapping.Listings;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Channels;

public sealed class ChannelFunctions(ChannelService channels, ListingService listings)
{
    [Function("ListChannels")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.Ok(await channels.ListAsync(cancellationToken));

    [Function("GetChannel")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        await channels.GetAsync(channelId, cancellationToken) is { } channel
            ? Responses.Ok(channel)
            : Problems.From(DomainError.NotFound("Channel", channelId));

    [Function("PutChannel")]
    public Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "channels/{channelId}")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ChannelDefinition, Channel>(
            request, body => channels.PutAsync(channelId, body, Responses.IfMatch(request), cancellationToken), cancellationToken);

    [Function("GetChannelSummary")]
    public async Task<IResult> Summary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/summary")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.Of(await listings.SummaryAsync(channelId, cancellationToken));
}
