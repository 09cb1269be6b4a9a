using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryMapping.Functions.Http;

/// <summary>Maps an operation's <see cref="Result{T}"/> to a typed HTTP result: its success, or the problem that stopped it.</summary>
public static class Responses
{
    public static Results<TSuccess, ProblemHttpResult> Of<T, TSuccess>(Result<T> result, Func<T, TSuccess> success)
        where TSuccess : IResult =>
        result.IsSuccess ? success(result.Value) : Problems.From(result.Error);

    public static Results<Ok<T>, ProblemHttpResult> Of<T>(Result<T> result) => Of(result, TypedResults.Ok);

    /// <summary>Reads the JSON body and hands it to <paramref name="handle"/>; a bad body is a problem naming the field.</summary>
    public static async Task<Results<TSuccess, ProblemHttpResult>> WithBodyAsync<TBody, T, TSuccess>(
        HttpRequest request, Func<TBody, Task<Result<T>>> handle, Func<T, TSuccess> success, CancellationToken cancellationToken)
        where TBody : class
        where TSuccess : IResult
    {
        var body = await RequestBody.ReadAsync<TBody>(request, cancellationToken);
        return body.IsSuccess ? Of(await handle(body.Value), success) : Problems.From(body.Error);
    }

    /// <inheritdoc cref="WithBodyAsync{TBody, T, TSuccess}"/>
    public static Task<Results<Ok<T>, ProblemHttpResult>> WithBodyAsync<TBody, T>(
        HttpRequest request, Func<TBody, Task<Result<T>>> handle, CancellationToken cancellationToken)
        where TBody : class =>
        WithBodyAsync(request, handle, TypedResults.Ok, cancellationToken);

    /// <summary>The If-Match header, unquoted as stored ETags are compared.</summary>
    public static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.ToString() is { Length: > 0 } etag ? etag : null;
}
