using InventoryMapping.Functions.Http;
using InventoryMapping.Locations;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Locations;

public sealed class LocationFunctions(LocationService locations)
{
    [Function("GetLocation")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "locations/{locationId}")] HttpRequest request, string locationId, CancellationToken cancellationToken) =>
        await locations.GetAsync(locationId, cancellationToken) is { } location ? Responses.Ok(location) : Problems.From(DomainError.NotFound("Location", locationId));

    [Function("PutLocation")]
    public Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "locations/{locationId}")] HttpRequest request, string locationId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<LocationInput, Location>(request, body => locations.PutAsync(locationId, body.Name, cancellationToken), cancellationToken);

    [Function("GetSettings")]
    public async Task<IResult> GetSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "settings")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.Ok(await locations.GetSettingsAsync(cancellationToken));

    [Function("PutSettings")]
    public Task<IResult> PutSettings(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "settings")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<SystemSettings, SystemSettings>(request, body => locations.PutSettingsAsync(body, cancellationToken), cancellationToken);
}
