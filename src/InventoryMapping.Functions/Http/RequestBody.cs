using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace InventoryMapping.Functions.Http;

public static partial class RequestBody
{
    /// <summary>Largest JSON body the API reads, however it is framed (Content-Length or chunked).</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>
    /// Reads a JSON body of at most <see cref="MaxBytes"/>, reading no more than one byte beyond it (a larger body is a
    /// 413, whatever Content-Length says or omits); malformed JSON, wrong types and unknown fields become errors naming
    /// the field.
    /// </summary>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await ReadBoundedAsync(request, cancellationToken);
        if (!bytes.IsSuccess)
        {
            return bytes.Error;
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes.Value, ApiJson.Options);
            return value is null ? DomainError.Invalid("body", "A JSON object is required.") : value;
        }
        catch (JsonException e)
        {
            return Describe(e);
        }
    }

    /// <summary>The whole body if it has at most <see cref="MaxBytes"/>; reads at most one byte more to find out.</summary>
    public static async Task<Result<byte[]>> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBytes)
        {
            return TooLarge();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var body = new MemoryStream();
            while (true)
            {
                var room = (int)Math.Min(buffer.Length, MaxBytes + 1 - body.Length);
                var read = await request.Body.ReadAsync(buffer.AsMemory(0, room), cancellationToken);
                if (read == 0)
                {
                    return body.ToArray();
                }

                body.Write(buffer, 0, read);
                if (body.Length > MaxBytes)
                {
                    return TooLarge();
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DomainError TooLarge() => DomainError.TooLarge("body", $"The body is larger than {MaxBytes} bytes, the most this API reads.");

    /// <summary>The serializer's complaint in the API's words: the field, and what was wrong, without .NET type names.</summary>
    public static DomainError Describe(JsonException e)
    {
        var path = e.Path is null or "$" ? null : e.Path.TrimStart('$', '.');
        if (UnknownMember().Match(e.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            var field = path is null ? name : path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return DomainError.Invalid(field, $"Unknown field '{field}'.");
        }

        if (path is not null && Conversion().Match(e.Message) is { Success: true } conversion)
        {
            return DomainError.Invalid(path, $"'{path}' must be {Expected(conversion.Groups[1].Value)}.");
        }

        return path is null
            ? DomainError.Invalid("body", "The body is not valid JSON" + Where(e) + ".")
            : DomainError.Invalid(path, $"The body is not valid JSON at '{path}'{Where(e)}.");
    }

    private static string Where(JsonException e) => e.LineNumber is { } line ? $" (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})" : "";

    private static string Expected(string dotnetType)
    {
        var type = dotnetType.Replace("System.Nullable`1[", "", StringComparison.Ordinal).TrimEnd(']');
        return type switch
        {
            "System.Boolean" => "true or false",
            "System.String" => "a string",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Decimal" or "System.Double" or "System.Single" => "a number",
            _ when type.Contains("Dictionary", StringComparison.Ordinal) => "an object",
            _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
            _ when type.StartsWith("InventoryMapping.", StringComparison.Ordinal) && !type.Contains("Kind", StringComparison.Ordinal) => "an object",
            _ => "a value of the documented type",
        };
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();

    [GeneratedRegex("could not be converted to ([^ ]+)\\.", RegexOptions.CultureInvariant)]
    private static partial Regex Conversion();
}
