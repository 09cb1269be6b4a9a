using InventoryMapping.Functions.Http;
using InventoryMapping.Mapping;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Mapping;

public sealed class LinkFunctions(LinkService links)
{
    [Function("PutListingLink")]
    public async Task<IResult> Link(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "channels/{channelId}/listings/{listingId}/link")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync<LinkTarget>(request, cancellationToken);
        return body.IsSuccess
            ? Responses.Of(await links.LinkAsync(channelId, listingId, body.Value, Responses.IfMatch(request), cancellationToken))
            : Problems.From(body.Error);
    }

    [Function("DeleteListingLink")]
    public async Task<IResult> Unlink(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "channels/{channelId}/listings/{listingId}/link")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken) =>
        Responses.Of(await links.UnlinkAsync(channelId, listingId, Responses.IfMatch(request), cancellationToken));

    [Function("CreateItemFromListing")]
    public async Task<IResult> CreateItem(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/listings/{listingId}/create-item")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken) =>
        Responses.Of(
            await links.CreateItemAsync(channelId, listingId, cancellationToken),
            created => Responses.Status(StatusCodes.Status201Created, created));
}
