using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryMapping.Functions.Http;

/// <summary>
/// The one place domain errors become RFC 9457 problem details. They are written by ASP.NET Core's problem details
/// service, which adds the RFC 9110 <c>type</c>, the <c>traceId</c> and the API's JSON options; a problem about one
/// field names it in <c>field</c> and in <c>errors</c>.
/// </summary>
public static class Problems
{
    /// <summary>The one answer to a failed If-Match, whatever the resource.</summary>
    public const string PreconditionFailedDetail =
        "The resource is not at the version If-Match names (or it changed meanwhile): read it again and retry with its eTag.";

    public static ProblemHttpResult From(DomainError error) => error.Kind == DomainErrorKind.PreconditionFailed
        ? Create(StatusCodes.Status412PreconditionFailed, "Precondition failed", PreconditionFailedDetail, error.Field)
        : Create(
        error.Kind switch
        {
            DomainErrorKind.Invalid => StatusCodes.Status400BadRequest,
            DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
            DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
            DomainErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            DomainErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            DomainErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status500InternalServerError,
        },
        error.Title,
        error.Detail,
        error.Field);

    public static ProblemHttpResult Create(int status, string title, string detail, string? field)
    {
        var problem = field is null ? new ProblemDetails() : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = TypeOf(status);
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>A change that kept meeting concurrent changes: worth retrying (the caller adds Retry-After).</summary>
    public static ProblemHttpResult Busy() => Create(
        StatusCodes.Status409Conflict,
        "Busy",
        "Concurrent changes to the same data kept this one from completing; nothing was changed. Retry after the Retry-After seconds.",
        field: null);

    /// <summary>What an unexpected failure answers: no message or stack, only the trace id to quote.</summary>
    public static ProblemHttpResult Unexpected() => Create(
        StatusCodes.Status500InternalServerError,
        "Unexpected error",
        "The request failed unexpectedly. Nothing was reported to you about the cause; quote the traceId when asking about it.",
        field: null);

    /// <summary>The RFC 9110 section of the status, as ASP.NET Core names them (it knows fewer than the API answers).</summary>
    private static string? TypeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status404NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        StatusCodes.Status405MethodNotAllowed => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        StatusCodes.Status409Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        StatusCodes.Status412PreconditionFailed => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        StatusCodes.Status500InternalServerError => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        StatusCodes.Status503ServiceUnavailable => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => null,
    };
}
