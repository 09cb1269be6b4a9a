using System.Buffers.Binary;
using System.IO.Compression;

namespace InventoryMapping.SpApi;

/// <summary>
/// Decompresses GZIP and fails when the input ends early. .NET's GZipStream quietly reports end-of-stream on a
/// truncated input, which would make listings vanish; so the decompressed length is checked against the ISIZE
/// field of the GZIP trailer (the last 4 bytes). Amazon's documents are single-member GZIP.
/// </summary>
internal sealed class VerifiedGzipStream : ReadOnlyStream
{
    private readonly TailRecordingStream _compressed;
    private readonly GZipStream _gzip;
    private long _decompressedLength;

    public VerifiedGzipStream(Stream compressed)
    {
        _compressed = new TailRecordingStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Count(_gzip.Read(buffer));
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ReportDocumentException Corrupt(Exception? inner) =>
        new("The GZIP report document is truncated or corrupt; download it again.", inner);

    private int Count(int read)
    {
        if (read > 0)
        {
            _decompressedLength += read;
            return read;
        }

        if (_compressed.TailLength < 18 || _compressed.TrailerSize != (uint)_decompressedLength)
        {
            throw Corrupt(null);
        }

        return 0;
    }

    private sealed class TailRecordingStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[8];
        private long _total;

        public long TailLength => _total;

        /// <summary>ISIZE: the uncompressed length modulo 2^32, little-endian, last in the stream.</summary>
        public uint TrailerSize => BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4));

        public override int Read(Span<byte> buffer) => Record(buffer, inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Record(buffer.Span, read);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Record(ReadOnlySpan<byte> buffer, int read)
        {
            if (read >= _tail.Length)
            {
                buffer.Slice(read - _tail.Length, _tail.Length).CopyTo(_tail);
            }
            else if (read > 0)
            {
                _tail.AsSpan(read).CopyTo(_tail);
                buffer[..read].CopyTo(_tail.AsSpan(_tail.Length - read));
            }

            _total += read;
            return read;
        }
    }
}
