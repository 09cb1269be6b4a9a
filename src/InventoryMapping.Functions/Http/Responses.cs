using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryMapping.Functions.Http;

/// <summary>Maps an operation's <see cref="Result{T}"/> to a typed HTTP result: its success, or the problem that stopped it.</summary>
public static partial class Responses
{
    public static Results<TSuccess, ProblemHttpResult> Of<T, TSuccess>(Result<T> result, Func<T, TSuccess> success)
        where TSuccess : IResult =>
        result.IsSuccess ? success(result.Value) : Problems.From(result.Error);

    public static Results<Ok<T>, ProblemHttpResult> Of<T>(Result<T> result) => Of(result, TypedResults.Ok);

    /// <summary>
    /// Checks the request (no query parameters, a well-formed If-Match), reads the JSON body and hands it to
    /// <paramref name="handle"/>; a bad request is a problem naming the field. A success carries its eTag as ETag.
    /// </summary>
    public static Task<Results<TSuccess, ProblemHttpResult>> WithBodyAsync<TBody, T, TSuccess>(
        HttpRequest request, Func<TBody, Task<Result<T>>> handle, Func<T, TSuccess> success, CancellationToken cancellationToken)
        where TBody : class
        where TSuccess : IResult =>
        WithBodyAsync(request, RequestBody.ReadAsync<TBody>, handle, success, cancellationToken);

    /// <summary>As <see cref="WithBodyAsync{TBody, T, TSuccess}"/>, with the body read by <paramref name="read"/> (e.g. a merge patch).</summary>
    public static async Task<Results<TSuccess, ProblemHttpResult>> WithBodyAsync<TBody, T, TSuccess>(
        HttpRequest request,
        Func<HttpRequest, CancellationToken, Task<Result<TBody>>> read,
        Func<TBody, Task<Result<T>>> handle,
        Func<T, TSuccess> success,
        CancellationToken cancellationToken)
        where TSuccess : IResult
    {
        if ((QueryValues.UnknownProblem(request, []) ?? IfMatchProblem(request)) is { } invalid)
        {
            return Problems.From(invalid);
        }

        var body = await read(request, cancellationToken);
        return body.IsSuccess ? Tagged(request, await handle(body.Value), success) : Problems.From(body.Error);
    }

    /// <inheritdoc cref="WithBodyAsync{TBody, T, TSuccess}"/>
    public static Task<Results<Ok<T>, ProblemHttpResult>> WithBodyAsync<TBody, T>(
        HttpRequest request, Func<TBody, Task<Result<T>>> handle, CancellationToken cancellationToken)
        where TBody : class =>
        WithBodyAsync(request, handle, TypedResults.Ok, cancellationToken);

    /// <summary>
    /// For operations that take no body: refuses one, refuses query parameters other than <paramref name="query"/>,
    /// checks If-Match, then runs <paramref name="handle"/>. A success carries its eTag as ETag.
    /// </summary>
    public static async Task<Results<TSuccess, ProblemHttpResult>> WithoutBodyAsync<T, TSuccess>(
        HttpRequest request, string[] query, Func<Task<Result<T>>> handle, Func<T, TSuccess> success)
        where TSuccess : IResult =>
        (QueryValues.UnknownProblem(request, query) ?? BodyProblem(request) ?? IfMatchProblem(request)) is { } invalid
            ? Problems.From(invalid)
            : Tagged(request, await handle(), success);

    /// <inheritdoc cref="WithoutBodyAsync{T, TSuccess}"/>
    public static Task<Results<Ok<T>, ProblemHttpResult>> WithoutBodyAsync<T>(HttpRequest request, string[] query, Func<Task<Result<T>>> handle) =>
        WithoutBodyAsync(request, query, handle, TypedResults.Ok);

    /// <inheritdoc cref="WithoutBodyAsync{T, TSuccess}"/>
    public static Task<Results<Ok<T>, ProblemHttpResult>> WithoutBodyAsync<T>(HttpRequest request, Func<Task<Result<T>>> handle) =>
        WithoutBodyAsync(request, [], handle, TypedResults.Ok);

    /// <summary>The success with the ETag header of the resource it is (Channel, Listing, InventoryItem), as its eTag.</summary>
    private static Results<TSuccess, ProblemHttpResult> Tagged<T, TSuccess>(HttpRequest request, Result<T> result, Func<T, TSuccess> success)
        where TSuccess : IResult
    {
        if (result.IsSuccess && ETagOf(result.Value) is { } etag)
        {
            request.HttpContext.Response.Headers.ETag = etag;
        }

        if (!result.IsSuccess && result.Error.RetryAfter is { } retryAfter)
        {
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Of(result, success);
    }

    private static string? ETagOf(object? value) => value switch
    {
        InventoryMapping.Channels.Channel channel => channel.ETag,
        InventoryMapping.Listings.Listing listing => listing.ETag,
        InventoryMapping.Inventory.InventoryItem item => item.ETag,
        _ => null,
    };

    private static DomainError? BodyProblem(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0)
            ? DomainError.Invalid("body", "This operation takes no body; its options, if any, are query parameters.")
            : null;

    /// <summary>
    /// The If-Match header as the services compare it: the entity tag, or null for none and for <c>*</c> (RFC 9110:
    /// any current version, which is what an unconditional change of an existing resource does).
    /// </summary>
    public static string? IfMatch(HttpRequest request) => IfMatchOrAny(request) is "*" ? null : IfMatchOrAny(request);

    /// <summary>The If-Match header as sent (<c>*</c> included), for operations that may create the resource.</summary>
    public static string? IfMatchOrAny(HttpRequest request) => request.Headers.IfMatch.ToString().Trim() is { Length: > 0 } etag ? etag : null;

    /// <summary>Null when If-Match is absent, <c>*</c> or one entity tag (<c>"…"</c> or <c>W/"…"</c>), as the API hands them out.</summary>
    private static DomainError? IfMatchProblem(HttpRequest request) =>
        IfMatchOrAny(request) is not { } value || value == "*" || EntityTag().IsMatch(value)
            ? null
            : DomainError.Invalid("If-Match", "If-Match is one eTag as the API returned it (\"…\" or W/\"…\"), or *.");

    [GeneratedRegex("^(W/)?\"[^\"]*\"$", RegexOptions.CultureInvariant)]
    private static partial Regex EntityTag();
}
