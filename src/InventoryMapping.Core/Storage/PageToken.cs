using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace InventoryMapping.Storage;

/// <summary>
/// Where the next page starts: the storage continuation of the page that was being read, and how many of its
/// matches were already returned. Opaque to callers (URL-safe Base64 of JSON).
/// </summary>
public sealed record PageToken(string? Storage, int Skip)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string? text, out PageToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            token = JsonSerializer.Deserialize<PageToken>(Base64Url.DecodeFromChars(text));
            return token is not null && token.Skip >= 0;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            token = null;
            return false;
        }
    }
}
