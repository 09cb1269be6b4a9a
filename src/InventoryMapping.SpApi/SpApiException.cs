using System.Net;

namespace InventoryMapping.SpApi;

/// <summary>Amazon refused an SP-API call (after retries, where the failure was transient); carries Amazon's error code and message.</summary>
public sealed class SpApiException(string operation, HttpStatusCode statusCode, SpApiError error, string? requestId = null)
    : Exception($"SP-API {operation} failed with {(int)statusCode} {error.Code}: {error.Message}")
{
    public string Operation { get; } = operation;

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Amazon's error code, e.g. <c>InvalidInput</c>, <c>QuotaExceeded</c>, <c>Unauthorized</c>.</summary>
    public string Code => Error.Code;

    public SpApiError Error { get; } = error;

    /// <summary>Amazon's <c>x-amzn-RequestId</c>, which its support asks for.</summary>
    public string? RequestId { get; } = requestId;
}
