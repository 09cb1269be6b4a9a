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
    public async Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/listings")] HttpRequest request, string channelId, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync<ListingInput>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problems.From(body.Error);
        }

        return Responses.Of(
            await listings.PutAsync(channelId, body.Value, cancellationToken),
            put => put.Created
                ? TypedResults.Json(put.Listing, ApiJson.Options, statusCode: StatusCodes.Status201Created)
                : Responses.Ok(put.Listing));
    }

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
    public async Task<IResult> Patch(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "channels/{channelId}/listings/{listingId}")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync<ListingPatch>(request, cancellationToken);
        return body.IsSuccess
            ? Responses.Of(await links.SetIgnoreSyncAsync(channelId, listingId, body.Value.IgnoreSync, Responses.IfMatch(request), cancellationToken))
            : Problems.From(body.Error);
    }
}
