using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InventoryMapping.Functions.Http;

/// <summary>The one place domain errors become RFC 7807 problem details.</summary>
public static class Problems
{
    public static IResult From(DomainError error) => Create(
        error.Kind switch
        {
            DomainErrorKind.Invalid => StatusCodes.Status400BadRequest,
            DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
            DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
            DomainErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status500InternalServerError,
        },
        error.Title,
        error.Detail,
        error.Field);

    public static IResult Create(int status, string title, string detail, string? field)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://httpstatuses.io/{status}",
            Title = title,
            Status = status,
            Detail = detail,
        };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Json(problem, ApiJson.Options, "application/problem+json", status);
    }
}
