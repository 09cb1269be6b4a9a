using System.IO.Compression;
using System.Text;

namespace InventoryMapping.AmazonSandbox;

/// <summary>Writes a catalogue as a GET_MERCHANT_LISTINGS_ALL_DATA document row by row, never as one string.</summary>
internal static class ListingsDocumentWriter
{
    public static async Task WriteAsync(Stream output, SandboxCatalogue catalogue, SandboxDocumentFormat format, CancellationToken cancellationToken)
    {
        if (!format.Gzip || format.GzipAlreadyInflated)
        {
            await WriteTextAsync(output, catalogue, format, cancellationToken);
            return;
        }

        if (!format.TruncateGzip)
        {
            await using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
            await WriteTextAsync(gzip, catalogue, format, cancellationToken);
            return;
        }

        // A transfer broken off: the client sees a clean end of stream two thirds into the GZIP data.
        using var whole = new MemoryStream();
        await using (var gzip = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true))
        {
            await WriteTextAsync(gzip, catalogue, format, cancellationToken);
        }

        await output.WriteAsync(whole.GetBuffer().AsMemory(0, (int)(whole.Length * 2 / 3)), cancellationToken);
    }

    private static async Task WriteTextAsync(Stream output, SandboxCatalogue catalogue, SandboxDocumentFormat format, CancellationToken cancellationToken)
    {
        var columns = ListingsDocumentColumns.For(format);
        var encoding = format.Utf8ByteOrderMark ? new UTF8Encoding(true) : format.Utf8WithoutCharset ? new UTF8Encoding(false) : SandboxCharsets.For(format.Charset);
        await using var writer = new StreamWriter(output, encoding, 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join('\t', format.JapaneseHeaders ? columns.Select(c => ListingsDocumentColumns.Japanese.GetValueOrDefault(c, c)) : columns));
        var line = new StringBuilder(512);
        foreach (var listing in catalogue.Listings())
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear();
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0)
                {
                    line.Append('\t');
                }

                var column = format.DecimalComma && columns[i] == "price" ? "price,decimal-comma" : columns[i];
                line.Append(ListingsDocumentColumns.Value(listing, column).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '));
            }

            if (format.OmitTrailingEmptyFields)
            {
                var end = line.Length;
                while (end > 0 && line[end - 1] == '\t')
                {
                    end--;
                }

                line.Length = end;
            }

            await writer.WriteLineAsync(line, cancellationToken);
        }
    }
}
