using System.Text;

namespace InventoryMapping.Storage;

/// <summary>
/// Turns any text into a string that is safe as a Table Storage key and in a URL path segment, and back.
/// Letters, digits, '-', '.' and '_' stay as they are; every other UTF-8 byte becomes <c>~XX</c>.
/// The code is prefix-free, so <c>Encode(a)</c> starts with <c>Encode(b)</c> exactly when <c>a</c> starts with
/// <c>b</c>: prefix searches work as row-key range queries on the encoded form.
/// </summary>
public static class TableKey
{
    private const char Escape = '~';
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var builder = new StringBuilder(bytes.Length + 8);
        foreach (var b in bytes)
        {
            if (IsPlain(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append(Escape).Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes <paramref name="key"/>; false when it is not the output of <see cref="Encode"/>.</summary>
    public static bool TryDecode(string key, out string text)
    {
        text = "";
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var bytes = new List<byte>(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == Escape)
            {
                if (i + 2 >= key.Length)
                {
                    return false;
                }

                var high = Hex.IndexOf(key[i + 1], StringComparison.Ordinal);
                var low = Hex.IndexOf(key[i + 2], StringComparison.Ordinal);
                if (high < 0 || low < 0)
                {
                    return false;
                }

                var b = (byte)((high << 4) | low);
                if (IsPlain(b))
                {
                    return false; // not canonical: plain characters are never escaped
                }

                bytes.Add(b);
                i += 2;
            }
            else if (c < 128 && IsPlain((byte)c))
            {
                bytes.Add((byte)c);
            }
            else
            {
                return false;
            }
        }

        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The smallest key greater than every key starting with <paramref name="encodedPrefix"/>.</summary>
    public static string PrefixUpperBound(string encodedPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(encodedPrefix);
        // Encoded text only holds ASCII below '~'+1, so bumping the last character bounds the prefix range.
        return encodedPrefix[..^1] + (char)(encodedPrefix[^1] + 1);
    }

    private static bool IsPlain(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'.' or (byte)'_';
}
