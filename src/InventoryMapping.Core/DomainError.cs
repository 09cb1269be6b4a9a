namespace InventoryMapping;

public enum DomainErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    PreconditionFailed,

    /// <summary>The request is larger than the operation takes.</summary>
    TooLarge,

    /// <summary>Asked again too soon; <see cref="DomainError.RetryAfter"/> says when it may be.</summary>
    TooManyRequests,
}

/// <summary>An expected failure of an operation: the caller did something the domain refuses. Mapped to problem details at the edge.</summary>
/// <param name="Field">The request field at fault (camelCase, as in the API), when one is.</param>
public sealed record DomainError(DomainErrorKind Kind, string Title, string Detail, string? Field = null)
{
    /// <summary>For <see cref="DomainErrorKind.TooManyRequests"/>: how long until the request may be made again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static DomainError TooManyRequests(string detail, TimeSpan retryAfter) =>
        new(DomainErrorKind.TooManyRequests, "Too many requests", detail) { RetryAfter = retryAfter };

    public static DomainError Invalid(string field, string detail) => new(DomainErrorKind.Invalid, "Invalid request", detail, field);

    public static DomainError NotFound(string what, string id) => new(DomainErrorKind.NotFound, $"{what} not found", $"{what} '{id}' does not exist.");

    public static DomainError Conflict(string detail, string? field = null) => new(DomainErrorKind.Conflict, "Conflict", detail, field);

    public static DomainError TooLarge(string field, string detail) => new(DomainErrorKind.TooLarge, "Request too large", detail, field);

    public static DomainError PreconditionFailed(string detail) =>
        new(DomainErrorKind.PreconditionFailed, "Precondition failed", detail, "If-Match");
}
