using System.Buffers;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace InventoryMapping.Jobs;

/// <summary>
/// A work source over the lines of a blob (a CSV file, say): its <paramref name="length"/> bytes are cut into
/// <paramref name="partCount"/> equal byte ranges, and a line belongs to the range its first byte is in, so every
/// line is read exactly once however the cuts fall. A page is up to <paramref name="pageRows"/> lines; the cursor is
/// the byte offset of the next line. With <paramref name="version"/> every read is of that version of the blob
/// (a changed blob fails the read rather than mixing two files).
/// </summary>
internal sealed class BlobRanges(BlobClient blob, long length, int partCount, int pageRows, ETag? version = null) : IWorkSource<BlobRow>
{
    private const int BufferSize = 64 * 1024;

    public int PartCount => partCount;

    public async Task<WorkPage<BlobRow>> ReadAsync(int part, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(part, partCount);
        var end = Start(part + 1);
        var rowStart = cursor is null ? await FirstLineAsync(part, cancellationToken) : long.Parse(cursor, CultureInfo.InvariantCulture);
        var rows = new List<BlobRow>();
        if (rowStart >= end)
        {
            return new WorkPage<BlobRow>(rows, null);
        }

        await using var stream = await OpenAsync(rowStart, cancellationToken);
        var line = new ArrayBufferWriter<byte>();
        var buffer = new byte[BufferSize];
        var position = rowStart;
        while (rows.Count < pageRows && rowStart < end)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                if (line.WrittenCount > 0)
                {
                    rows.Add(Row(rowStart, line));
                }

                rowStart = length;
                break;
            }

            var span = buffer.AsSpan(0, read);
            while (span.Length > 0 && rows.Count < pageRows && rowStart < end)
            {
                var newline = span.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    line.Write(span);
                    position += span.Length;
                    break;
                }

                line.Write(span[..newline]);
                position += newline + 1;
                rows.Add(Row(rowStart, line));
                line.ResetWrittenCount();
                rowStart = position;
                span = span[(newline + 1)..];
            }
        }

        return new WorkPage<BlobRow>(rows, rowStart < end && rowStart < length ? rowStart.ToString(CultureInfo.InvariantCulture) : null);
    }

    private long Start(int part) => length * part / partCount;

    /// <summary>Where the first line that starts inside the part's range begins: just after the first line break before it.</summary>
    private async Task<long> FirstLineAsync(int part, CancellationToken cancellationToken)
    {
        var start = Start(part);
        if (part == 0 || start >= length)
        {
            return start;
        }

        await using var stream = await OpenAsync(start - 1, cancellationToken);
        var buffer = new byte[BufferSize];
        var position = start - 1;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return position + newline + 1;
            }

            position += read;
        }

        return length;
    }

    private async Task<Stream> OpenAsync(long offset, CancellationToken cancellationToken)
    {
        var options = new BlobDownloadOptions
        {
            Range = new HttpRange(offset, length - offset),
            Conditions = version is { } etag ? new BlobRequestConditions { IfMatch = etag } : null,
        };
        var response = await blob.DownloadStreamingAsync(options, cancellationToken);
        return response.Value.Content;
    }

    private static BlobRow Row(long offset, ArrayBufferWriter<byte> line)
    {
        var bytes = line.WrittenSpan;
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return new BlobRow(offset, Encoding.UTF8.GetString(bytes));
    }
}
