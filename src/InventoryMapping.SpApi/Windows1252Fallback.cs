using System.Text;

namespace InventoryMapping.SpApi;

/// <summary>
/// A decoder fallback that reads each byte that is not valid UTF-8 as Windows-1252: a document without a charset
/// decodes as UTF-8 when it is UTF-8 and as Cp1252 when it is not, streaming, without a guess from its first bytes.
/// </summary>
internal sealed class Windows1252Fallback : DecoderFallback
{
    private static readonly Encoding s_windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public override int MaxCharCount => 4;

    /// <summary>UTF-8, with invalid bytes read as Windows-1252.</summary>
    public static Encoding Utf8OrWindows1252()
    {
        var encoding = (Encoding)new UTF8Encoding(false).Clone();
        encoding.DecoderFallback = new Windows1252Fallback();
        return encoding;
    }

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private string _chars = "";
        private int _next;

        public override int Remaining => _chars.Length - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _chars = s_windows1252.GetString(bytesUnknown);
            _next = 0;
            return _chars.Length > 0;
        }

        public override char GetNextChar() => _next < _chars.Length ? _chars[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }

            _next--;
            return true;
        }

        public override void Reset()
        {
            _chars = "";
            _next = 0;
        }
    }
}
