using Microsoft.AspNetCore.Http;

namespace InventoryMapping.Functions.Http;

/// <summary>Success results in the API's JSON, with the entity's ETag where it has one.</summary>
public static class Responses
{
    public static IResult Ok<T>(T value) => TypedResults.Json(value, ApiJson.Options);

    public static IResult Status<T>(int status, T value) => TypedResults.Json(value, ApiJson.Options, statusCode: status);

    public static IResult At<T>(string location, int status, T value) => new LocatedResult(location, Status(status, value));

    public static IResult Of<T>(Result<T> result, Func<T, IResult> success) => result.IsSuccess ? success(result.Value) : Problems.From(result.Error);

    public static IResult Of<T>(Result<T> result) => Of(result, Ok);

    /// <summary>Reads the JSON body and hands it to <paramref name="handle"/>; a bad body is a problem naming the field.</summary>
    public static async Task<IResult> WithBodyAsync<TBody, TResult>(
        HttpRequest request, Func<TBody, Task<Result<TResult>>> handle, CancellationToken cancellationToken, Func<TResult, IResult>? success = null)
        where TBody : class
    {
        var body = await RequestBody.ReadAsync<TBody>(request, cancellationToken);
        return body.IsSuccess ? Of(await handle(body.Value), success ?? (value => Ok(value))) : Problems.From(body.Error);
    }

    /// <summary>The If-Match header, unquoted as stored ETags are compared.</summary>
    public static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.ToString() is { Length: > 0 } etag ? etag : null;
}
