using InventoryMapping.Functions.Http;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Listings;

public sealed class ListingFunctions(ListingService listings, LinkService links)
{
    [Function("GetListings")]
    public Task<Results<Ok<ListingPage>, ProblemHttpResult>> Query(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/listings")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(
            request, ["sku", "link", "status", "listed", "fba", "ignoreSync", "q", "includeSyncStatus", "pageSize", "continuationToken"], () => QueryAsync(request, channelId, cancellationToken));

    private async Task<Result<ListingPage>> QueryAsync(HttpRequest request, string channelId, CancellationToken cancellationToken)
    {
        if (request.Query.ContainsKey("sku"))
        {
            return await LookUpAsync(request, channelId, cancellationToken);
        }

        var link = QueryValues.Enum<LinkFilter>(request, "link");
        var status = QueryValues.Enum<ListingStatus>(request, "status");
        var listed = QueryValues.Bool(request, "listed");
        var fba = QueryValues.Bool(request, "fba");
        var ignoreSync = QueryValues.Bool(request, "ignoreSync");
        var sync = QueryValues.Bool(request, "includeSyncStatus");
        var pageSize = QueryValues.Int(request, "pageSize");
        if ((link.Error ?? status.Error ?? listed.Error ?? fba.Error ?? ignoreSync.Error ?? sync.Error ?? pageSize.Error) is { } invalid)
        {
            return invalid;
        }

        var query = new ListingQuery(
            channelId,
            link.Value ?? LinkFilter.All,
            fba.Value,
            status.Value,
            QueryValues.Text(request, "q"),
            sync.Value ?? false,
            pageSize.Value ?? ListingQuery.DefaultPageSize,
            listed.Value ?? true,
            ignoreSync.Value);
        return await listings.QueryAsync(query, QueryValues.Text(request, "continuationToken"), cancellationToken);
    }

    /// <summary><c>?sku=</c>: the one listing with that exact SKU; filters and paging do not apply to it.</summary>
    private async Task<Result<ListingPage>> LookUpAsync(HttpRequest request, string channelId, CancellationToken cancellationToken)
    {
        if (request.Query.Keys.FirstOrDefault(k => k is not ("sku" or "includeSyncStatus" or QueryValues.FunctionKey)) is { } other)
        {
            return DomainError.Invalid(other, $"sku looks up one listing: it takes includeSyncStatus, not {other}.");
        }

        if (request.Query["sku"].Count > 1)
        {
            return DomainError.Invalid("sku", "sku is given once: one SKU per lookup.");
        }

        var sync = QueryValues.Bool(request, "includeSyncStatus");
        return sync.IsSuccess ? await listings.LookUpAsync(channelId, request.Query["sku"].ToString(), sync.Value ?? false, cancellationToken) : sync.Error;
    }

    [Function("PutListing")]
    public Task<Results<Created<Listing>, Ok<Listing>, ProblemHttpResult>> Put(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/listings")] HttpRequest request, string channelId, CancellationToken cancellationToken) =>
        PutAsync(request, channelId, cancellationToken);

    [Function("GetListing")]
    public Task<Results<Ok<Listing>, ProblemHttpResult>> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}/listings/{listingId}")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, ["includeSyncStatus"], async () =>
        {
            var sync = QueryValues.Bool(request, "includeSyncStatus");
            return sync.IsSuccess ? await listings.GetAsync(channelId, listingId, sync.Value ?? true, cancellationToken) : sync.Error;
        });

    [Function("PatchListing")]
    public Task<Results<Ok<Listing>, ProblemHttpResult>> Patch(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "channels/{channelId}/listings/{listingId}")] HttpRequest request,
        string channelId,
        string listingId,
        CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ListingPatch, Listing>(
            request, body => links.PatchAsync(channelId, listingId, body.IgnoreSync, body.StockRules, Responses.IfMatch(request), cancellationToken), cancellationToken);

    private async Task<Results<Created<Listing>, Ok<Listing>, ProblemHttpResult>> PutAsync(HttpRequest request, string channelId, CancellationToken cancellationToken)
    {
        if (QueryValues.UnknownProblem(request, []) is { } unknown)
        {
            return Problems.From(unknown);
        }

        var body = await RequestBody.ReadAsync<ListingInput>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problems.From(body.Error);
        }

        var put = await listings.PutAsync(channelId, body.Value, cancellationToken);
        if (!put.IsSuccess)
        {
            return Problems.From(put.Error);
        }

        request.HttpContext.Response.Headers.ETag = put.Value.Listing.ETag;
        return put.Value.Created ? TypedResults.Created((string?)null, put.Value.Listing) : TypedResults.Ok(put.Value.Listing);
    }
}
