using InventoryMapping.Functions.Http;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs.Kinds;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Inventory;

public sealed class InventoryFunctions(InventoryService inventory, InventorySearch search, ItemDeletion deletion)
{
    [Function("SearchInventory")]
    public async Task<IResult> Search(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "inventory")] HttpRequest request, CancellationToken cancellationToken)
    {
        var pageSize = QueryValues.Int(request, "pageSize");
        return pageSize.IsSuccess
            ? Responses.Of(await search.SearchAsync(
                QueryValues.Text(request, "q"), pageSize.Value ?? InventorySearch.DefaultPageSize, QueryValues.Text(request, "continuationToken"), cancellationToken))
            : Problems.From(pageSize.Error);
    }

    [Function("CreateItem")]
    public Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "inventory")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ItemDefinition, InventoryItem>(
            request,
            body => inventory.CreateAsync(body, cancellationToken),
            cancellationToken,
            item => Responses.At($"/api/inventory/{item.ItemId}", StatusCodes.Status201Created, item));

    [Function("GetItem")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "inventory/{itemId}")] HttpRequest request, string itemId, CancellationToken cancellationToken) =>
        await inventory.GetAsync(itemId, cancellationToken) is { } item ? Responses.Ok(item) : Problems.From(DomainError.NotFound("Item", itemId));

    [Function("PutItem")]
    public Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "inventory/{itemId}")] HttpRequest request, string itemId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<ItemDefinition, InventoryItem>(
            request, body => inventory.ReplaceAsync(itemId, body, Responses.IfMatch(request), cancellationToken), cancellationToken);

    [Function("DeleteItem")]
    public async Task<IResult> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "inventory/{itemId}")] HttpRequest request, string itemId, CancellationToken cancellationToken) =>
        Responses.Of(await deletion.DeleteAsync(itemId, Responses.IfMatch(request), cancellationToken), deleted => Responses.Status(StatusCodes.Status202Accepted, deleted));

    [Function("PutItemStock")]
    public Task<IResult> PutStock(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "inventory/{itemId}/stock/{locationId}")] HttpRequest request,
        string itemId,
        string locationId,
        CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<StockLevelInput, InventoryItem>(
            request, body => inventory.SetStockAsync(itemId, locationId, body.Level, Responses.IfMatch(request), cancellationToken), cancellationToken);
}
