using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InventoryMapping.Functions.Http;

public static class RequestBody
{
    /// <summary>Largest JSON body the API reads.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads a JSON body; malformed JSON, wrong types and unknown fields become errors naming the field.</summary>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBytes)
        {
            return DomainError.Invalid("body", $"The body is larger than {MaxBytes} bytes.");
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, ApiJson.Options, cancellationToken);
            return value is null ? DomainError.Invalid("body", "A JSON object is required.") : value;
        }
        catch (JsonException e)
        {
            var field = e.Path is null or "$" ? "body" : e.Path.TrimStart('$', '.');
            return DomainError.Invalid(field, $"The body is not valid JSON for this request at '{field}': {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
