namespace InventoryMapping.Testing;

/// <summary>
/// A read-only stream whose bytes are made as they are read, so a test can send or upload a large body without
/// holding it: <c>fill(position, buffer)</c> writes the bytes from <c>position</c> on into <c>buffer</c> and answers
/// how many it wrote (0 at the end). <see cref="Position"/> is how many bytes have been read.
/// </summary>
public sealed class GeneratedStream(Func<long, Span<byte>, int> fill) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <summary>A stream of <paramref name="length"/> bytes, each made by <paramref name="byteAt"/> from its position.</summary>
    public static GeneratedStream OfLength(long length, Func<long, byte> byteAt) => new((position, buffer) =>
    {
        var n = (int)Math.Min(buffer.Length, length - position);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = byteAt(position + i);
        }

        return n;
    });

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = fill(_position, buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
