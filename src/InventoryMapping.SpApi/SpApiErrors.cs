using System.Text.Json;

namespace InventoryMapping.SpApi;

internal static class SpApiErrors
{
    private const int MaxBodyChars = 2_000;

    /// <summary>Amazon's first error of the <c>ErrorList</c> body, or the HTTP status when the body is not one.</summary>
    public static async Task<SpApiException> ToExceptionAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        SpApiError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<SpApiErrorList>(body, SpApiJson.Options)?.Errors?.FirstOrDefault();
        }
        catch (JsonException)
        {
        }

        error ??= new SpApiError(response.StatusCode.ToString(), body.Length > MaxBodyChars ? body[..MaxBodyChars] : body);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        return new SpApiException(operation, response.StatusCode, error, requestId);
    }
}
