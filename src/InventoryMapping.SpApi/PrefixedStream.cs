namespace InventoryMapping.SpApi;

/// <summary>A read-only stream that replays bytes already read (to sniff the GZIP magic) before the rest of <paramref name="inner"/>.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : ReadOnlyStream
{
    private int _position;

    /// <summary>Reads up to <paramref name="count"/> bytes of <paramref name="stream"/> and returns them with a stream that still starts at its beginning.</summary>
    public static async Task<(Stream Stream, byte[] Head, int HeadLength)> PeekAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var head = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await stream.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return (new PrefixedStream(head, read, stream), head, read);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _position < prefixLength ? ValueTask.FromResult(Read(buffer.Span)) : inner.ReadAsync(buffer, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
