using InventoryMapping.Functions.Http;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Mapping;

public sealed class LinkFunctions(LinkService links)
{
    [Function("PutListingLink")]
    public Task<Results<Ok<Listing>, ProblemHttpResult>> Link(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "channels/{channelId}/listings/{listingId}/link")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<LinkTarget, Listing>(
            request, body => links.LinkAsync(channelId, listingId, body, Responses.IfMatch(request), cancellationToken), cancellationToken);

    [Function("DeleteListingLink")]
    public Task<Results<Ok<Listing>, ProblemHttpResult>> Unlink(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "channels/{channelId}/listings/{listingId}/link")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => links.UnlinkAsync(channelId, listingId, Responses.IfMatch(request), cancellationToken));

    [Function("CreateItemFromListing")]
    public Task<Results<Created<ListingWithItem>, ProblemHttpResult>> CreateItem(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/listings/{listingId}/create-item")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(
            request, [], () => links.CreateItemAsync(channelId, listingId, cancellationToken), created => TypedResults.Created((string?)null, created));
}
