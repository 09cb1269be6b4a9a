using System.Text;

namespace InventoryMapping.Csv;

/// <summary>
/// Decodes a stream of an import file one UTF-16 unit at a time, knowing how many bytes each took, so a reader can
/// say at which byte offset each record starts and a later read can start there. UTF-8 is decoded here rather than by
/// an <see cref="Encoding"/> because a byte that is not part of a valid UTF-8 sequence is read as Windows-1252 (one
/// byte, one character), which a decoder fallback would hide from the byte count.
/// </summary>
internal sealed class CsvDecoder(Stream stream, CsvEncoding encoding)
{
    private static readonly Encoding s_windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private static readonly char[] s_windows1252Chars = s_windows1252.GetChars([.. Enumerable.Range(0, 256).Select(b => (byte)b)]);

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private char _pendingLow;

    /// <summary>Bytes consumed so far (of the characters returned).</summary>
    public long BytesRead { get; private set; }

    /// <summary>The next character, or -1 at the end of the stream.</summary>
    public async ValueTask<int> ReadAsync(CancellationToken cancellationToken)
    {
        if (_pendingLow != '\0')
        {
            var low = _pendingLow;
            _pendingLow = '\0';
            return low;
        }

        if (_end - _start < 4 && !_eof)
        {
            await FillAsync(cancellationToken);
        }

        if (_start >= _end)
        {
            return -1;
        }

        var (rune, length) = Decode(_buffer.AsSpan(_start, _end - _start), encoding, _eof);
        _start += length;
        BytesRead += length;
        if (rune.IsBmp)
        {
            return rune.Value;
        }

        Span<char> pair = stackalloc char[2];
        rune.EncodeToUtf16(pair);
        _pendingLow = pair[1];
        return pair[0];
    }

    /// <summary>The text of a sample of the file's first bytes (for format detection), decoded as the reader would.</summary>
    public static string DecodeSample(ReadOnlySpan<byte> bytes, CsvEncoding encoding)
    {
        var text = new StringBuilder(bytes.Length);
        while (bytes.Length > 0)
        {
            var (rune, length) = Decode(bytes, encoding, atEnd: false);
            if (length > bytes.Length)
            {
                break;
            }

            text.Append(rune.ToString());
            bytes = bytes[length..];
        }

        return text.ToString();
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
        while (_end < _buffer.Length)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            _end += read;
            if (_end >= 4)
            {
                return;
            }
        }
    }

    /// <summary>One character (rune) from the start of <paramref name="bytes"/> and how many bytes it took.</summary>
    private static (Rune Rune, int Length) Decode(ReadOnlySpan<byte> bytes, CsvEncoding encoding, bool atEnd)
    {
        switch (encoding)
        {
            case CsvEncoding.Utf16LittleEndian or CsvEncoding.Utf16BigEndian:
                if (bytes.Length < 2)
                {
                    return (Rune.ReplacementChar, Math.Max(1, bytes.Length));
                }

                var unit = Unit(bytes, encoding);
                if (char.IsHighSurrogate(unit) && bytes.Length >= 4 && char.IsLowSurrogate(Unit(bytes[2..], encoding)))
                {
                    return (new Rune(unit, Unit(bytes[2..], encoding)), 4);
                }

                return (char.IsSurrogate(unit) ? Rune.ReplacementChar : new Rune(unit), 2);

            default:
                var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
                if (status == System.Buffers.OperationStatus.Done)
                {
                    return (rune, consumed);
                }

                if (status == System.Buffers.OperationStatus.NeedMoreData && !atEnd && bytes.Length < 4)
                {
                    // Only at the end of a sample; a stream read keeps at least 4 bytes buffered before decoding.
                    return (Rune.ReplacementChar, 4);
                }

                return (new Rune(s_windows1252Chars[bytes[0]]), 1);
        }
    }

    private static char Unit(ReadOnlySpan<byte> bytes, CsvEncoding encoding) =>
        encoding == CsvEncoding.Utf16LittleEndian ? (char)(bytes[0] | (bytes[1] << 8)) : (char)((bytes[0] << 8) | bytes[1]);
}
