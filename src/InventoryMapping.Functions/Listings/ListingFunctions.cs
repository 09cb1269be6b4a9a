using InventoryMapping.Functions.Http;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Listings;

public sealed class ListingFunctions(ListingService listings, LinkService links)
{
    [Function("GetListings")]
    public async Task<IResult> Query(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/listings")] HttpRequest request, string channelId, CancellationToken cancellationToken)
    {
        var link = QueryValues.Enum<LinkFilter>(request, "link");
        var fba = QueryValues.Bool(request, "fba");
        var active = QueryValues.Bool(request, "active");
        var sync = QueryValues.Bool(request, "includeSyncStatus");
        var pageSize = QueryValues.Int(request, "pageSize");
        DomainError? invalid = link.Error ?? fba.Error ?? active.Error ?? sync.Error ?? pageSize.Error;
        PageToken? token = null;
        if (invalid is null && !PageToken.TryDecode(QueryValues.Text(request, "continuationToken"), out token))
        {
            invalid = DomainError.Invalid("continuationToken", "continuationToken is not one this endpoint returned.");
        }

        if (invalid is not null)
        {
            return Problems.From(invalid);
        }

        var query = new ListingQuery(
            channelId,
            link.Value ?? LinkFilter.All,
            fba.Value,
            active.Value,
            QueryValues.Text(request, "q"),
            sync.Value ?? false,
            pageSize.Value ?? ListingQuery.DefaultPageSize,
            token);
        return Responses.Of(await listings.QueryAsync(query, cancellationToken));
    }

    [Function("PutListing")]
    public Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/listings")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ListingInput, (Listing Listing, bool Created)>(
            request,
            body => listings.PutAsync(channelId, body, cancellationToken),
            cancellationToken,
            put => put.Created ? Responses.Status(StatusCodes.Status201Created, put.Listing) : Responses.Ok(put.Listing));

    [Function("GetListing")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/listings/{listingId}")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken)
    {
        var sync = QueryValues.Bool(request, "includeSyncStatus");
        return sync.IsSuccess
            ? Responses.Of(await listings.GetAsync(channelId, listingId, sync.Value ?? true, cancellationToken))
            : Problems.From(sync.Error);
    }

    [Function("PatchListing")]
    public Task<IResult> Patch(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "channels/{channelId}/listings/{listingId}")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ListingPatch, Listing>(
            request, body => links.SetIgnoreSyncAsync(channelId, listingId, body.IgnoreSync, Responses.IfMatch(request), cancellationToken), cancellationToken);
}
