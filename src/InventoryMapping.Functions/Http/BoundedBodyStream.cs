using Microsoft.AspNetCore.Http;

namespace InventoryMapping.Functions.Http;

/// <summary>
/// A request body read through a limit: it hands out at most <paramref name="limit"/> bytes and throws
/// <see cref="BodyTooLargeException"/> as soon as one more arrives, so no more than limit + 1 bytes are ever read
/// whatever Content-Length says or omits (chunked bodies included). The server's own limit answering first is the
/// same exception.
/// </summary>
public sealed class BoundedBodyStream(Stream body, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Asking for one byte more than the limit allows is how a body of exactly the limit is told from a larger one.
        var room = (int)Math.Min(buffer.Length, limit + 1 - _read);
        int read;
        try
        {
            read = await body.ReadAsync(buffer[..room], cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new BodyTooLargeException(limit);
        }

        _read += read;
        return _read > limit ? throw new BodyTooLargeException(limit) : read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
