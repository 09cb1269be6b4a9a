using Microsoft.AspNetCore.Http;

namespace InventoryMapping.Functions.Http;

/// <summary>A result with a Location header: where the created (or accepted) resource can be read.</summary>
public sealed class LocatedResult(string location, IResult body) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public string Location { get; } = location;

    public int? StatusCode => (body as IStatusCodeHttpResult)?.StatusCode;

    public object? Value => (body as IValueHttpResult)?.Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = Location;
        return body.ExecuteAsync(httpContext);
    }
}
