using System.Text.Json.Nodes;
using InventoryMapping.Functions.Http;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs.Kinds;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Inventory;

public sealed class InventoryFunctions(InventoryService inventory, IInventorySearch search, ItemDeletion deletion)
{
    [Function("SearchInventory")]
    public Task<Results<Ok<InventorySearchPage>, ProblemHttpResult>> Search(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "inventory")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, ["q", "pageSize", "continuationToken"], async () =>
        {
            var pageSize = QueryValues.Int(request, "pageSize");
            return pageSize.IsSuccess
                ? await search.SearchAsync(
                    QueryValues.Text(request, "q"), pageSize.Value ?? InventorySearch.DefaultPageSize, QueryValues.Text(request, "continuationToken"), cancellationToken)
                : pageSize.Error;
        });

    [Function("CreateItem")]
    public Task<Results<Created<InventoryItem>, ProblemHttpResult>> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "inventory")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ItemDefinition, InventoryItem, Created<InventoryItem>>(
            request,
            body => inventory.CreateAsync(body, cancellationToken),
            item => TypedResults.Created($"/api/inventory/{item.ItemId}", item),
            cancellationToken);

    [Function("GetItem")]
    public Task<Results<Ok<InventoryItem>, ProblemHttpResult>> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "inventory/{itemId}")] HttpRequest request, string itemId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => inventory.GetAsync(itemId, cancellationToken));

    [Function("PutItem")]
    public Task<Results<Ok<InventoryItem>, ProblemHttpResult>> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "inventory/{itemId}")] HttpRequest request, string itemId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ItemDefinition, InventoryItem>(
            request, body => inventory.ReplaceAsync(itemId, body, Responses.IfMatch(request), cancellationToken), cancellationToken);

    /// <summary>A partial edit as a JSON merge patch: fields left out stay as they are, null resets one to its default.</summary>
    [Function("PatchItem")]
    public Task<Results<Ok<InventoryItem>, ProblemHttpResult>> Patch(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "inventory/{itemId}")] HttpRequest request, string itemId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<JsonObject, InventoryItem, Ok<InventoryItem>>(
            request,
            MergePatch.ReadAsync,
            patch => inventory.PatchAsync(itemId, current => MergePatch.Apply(current, patch), Responses.IfMatch(request), cancellationToken),
            TypedResults.Ok,
            cancellationToken);

    [Function("DeleteItem")]
    public Task<Results<Accepted<ItemDeleted>, ProblemHttpResult>> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "inventory/{itemId}")] HttpRequest request, string itemId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(
            request, [], () => deletion.DeleteAsync(itemId, Responses.IfMatch(request), cancellationToken), deleted => TypedResults.Accepted((string?)null, deleted));

    [Function("PutItemStock")]
    public Task<Results<Ok<InventoryItem>, ProblemHttpResult>> PutStock(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "inventory/{itemId}/stock/{locationId}")] HttpRequest request,
        string itemId,
        string locationId,
        CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<StockLevelInput, InventoryItem>(
            request, body => inventory.SetStockAsync(itemId, locationId, body.Level, Responses.IfMatch(request), cancellationToken), cancellationToken);
}
