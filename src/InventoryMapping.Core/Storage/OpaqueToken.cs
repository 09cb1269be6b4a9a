using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InventoryMapping.Storage;

/// <summary>
/// Continuation tokens handed to API callers, opaque to them: URL-safe Base64 of a format version, the JSON of the
/// position and a 128-bit SHA-256 digest of kind (the position's type), scope (what the token belongs to: channel,
/// filters) and JSON. A token of another kind or scope, a modified one or one of an older format does not decode.
/// </summary>
/// <remarks>
/// The digest is tamper-evident, not a secret: anyone holding a function key can already read every page a forged
/// token could reach, so what it must catch is a token used where it does not belong, cut, or edited.
/// </remarks>
internal static class OpaqueToken
{
    private const byte Version = 1;
    private const int DigestBytes = 16;

    public static string Encode<T>(T value, string scope = "")
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value);
        var token = new byte[1 + json.Length + DigestBytes];
        token[0] = Version;
        json.CopyTo(token, 1);
        Digest<T>(scope, json).CopyTo(token, 1 + json.Length);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>False when <paramref name="text"/> is not a token of this type and scope; null text is "no token" (true, null).</summary>
    public static bool TryDecode<T>(string? text, out T? value, string scope = "")
        where T : class
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var token = Base64Url.DecodeFromChars(text);
            if (token.Length <= 1 + DigestBytes || token[0] != Version)
            {
                return false;
            }

            var json = token.AsSpan(1, token.Length - 1 - DigestBytes);
            if (!CryptographicOperations.FixedTimeEquals(Digest<T>(scope, json), token.AsSpan(token.Length - DigestBytes)))
            {
                return false;
            }

            value = JsonSerializer.Deserialize<T>(json);
            return value is not null;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] Digest<T>(string scope, ReadOnlySpan<byte> json)
    {
        var header = Encoding.UTF8.GetBytes($"{typeof(T).Name}\n{scope}\n");
        var input = new byte[header.Length + json.Length];
        header.CopyTo(input, 0);
        json.CopyTo(input.AsSpan(header.Length));
        return SHA256.HashData(input)[..DigestBytes];
    }
}
