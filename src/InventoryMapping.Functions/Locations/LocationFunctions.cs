using InventoryMapping.Functions.Http;
using InventoryMapping.Locations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Locations;

public sealed class LocationFunctions(LocationService locations)
{
    [Function("GetLocation")]
    public Task<Results<Ok<Location>, ProblemHttpResult>> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "locations/{locationId}")] HttpRequest request, string locationId, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, () => locations.GetAsync(locationId, cancellationToken));

    [Function("ListLocations")]
    public Task<Results<Ok<IReadOnlyList<Location>>, ProblemHttpResult>> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "locations")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, async () => Result<IReadOnlyList<Location>>.Of(await locations.ListAsync(cancellationToken)));

    [Function("PutLocation")]
    public Task<Results<Ok<Location>, ProblemHttpResult>> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "locations/{locationId}")] HttpRequest request, string locationId, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<LocationInput, Location>(request, body => locations.PutAsync(locationId, body.Name, cancellationToken), cancellationToken);

    [Function("GetSettings")]
    public Task<Results<Ok<SystemSettings>, ProblemHttpResult>> GetSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "settings")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.WithoutBodyAsync(request, async () => (Result<SystemSettings>)await locations.GetSettingsAsync(cancellationToken));

    [Function("PutSettings")]
    public Task<Results<Ok<SystemSettings>, ProblemHttpResult>> PutSettings(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "settings")] HttpRequest request, CancellationToken cancellationToken) =>
        Responses.WithBodyAsync<SystemSettings, SystemSettings>(request, body => locations.PutSettingsAsync(body, cancellationToken), cancellationToken);
}
