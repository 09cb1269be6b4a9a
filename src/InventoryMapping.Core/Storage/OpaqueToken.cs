using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace InventoryMapping.Storage;

/// <summary>Continuation tokens handed to API callers: URL-safe Base64 of JSON, opaque to them.</summary>
internal static class OpaqueToken
{
    public static string Encode<T>(T value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));

    /// <summary>False when <paramref name="text"/> is not a token of this type; null text is "no token" (true, null).</summary>
    public static bool TryDecode<T>(string? text, out T? value)
        where T : class
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(text));
            return value is not null;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return false;
        }
    }
}
