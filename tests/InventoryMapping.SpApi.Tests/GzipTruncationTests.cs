using System.IO.Compression;
using System.Text;

namespace InventoryMapping.SpApi.Tests;

/// <summary>
/// Whether .NET's own GZipStream notices a truncated document decides whether <see cref="VerifiedGzipStream"/> (which
/// checks the trailer's length) is still needed. On .NET 10 it does not: a cut anywhere reads as a shorter document,
/// without an error, so listings would silently retire. VerifiedGzipStream stays.
/// </summary>
public sealed class GzipTruncationTests
{
    private static readonly byte[] s_text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"SKU-{i}\tTitle {i}\t{i % 97}\r\n")));

    public static TheoryData<string, int> Cuts => new()
    {
        { "middle of the deflate data", Compressed().Length / 2 },
        { "just before the trailer", Compressed().Length - 8 },
        { "inside the 8-byte trailer (CRC32 whole, ISIZE cut)", Compressed().Length - 3 },
        { "inside the 8-byte trailer (CRC32 cut)", Compressed().Length - 6 },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Dotnet_gzip_stream_reads_a_document_cut_short_as_a_shorter_one_without_error(string where, int length)
    {
        Assert.False(string.IsNullOrEmpty(where));
        using var gzip = new GZipStream(new MemoryStream(Compressed(), 0, length), CompressionMode.Decompress);
        using var inflated = new MemoryStream();

        await gzip.CopyToAsync(inflated);

        Assert.True(inflated.Length <= s_text.Length);
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Verified_gzip_stream_fails_on_a_document_cut_short(string where, int length)
    {
        Assert.False(string.IsNullOrEmpty(where));
        using var gzip = new VerifiedGzipStream(new MemoryStream(Compressed(), 0, length));

        await Assert.ThrowsAsync<ReportDocumentException>(() => gzip.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task Verified_gzip_stream_reads_a_whole_document()
    {
        using var gzip = new VerifiedGzipStream(new MemoryStream(Compressed()));
        using var inflated = new MemoryStream();

        await gzip.CopyToAsync(inflated);

        Assert.Equal(s_text, inflated.ToArray());
    }

    [Fact]
    public async Task Dotnet_gzip_stream_reads_a_whole_document()
    {
        using var gzip = new GZipStream(new MemoryStream(Compressed()), CompressionMode.Decompress);
        using var inflated = new MemoryStream();

        await gzip.CopyToAsync(inflated);

        Assert.Equal(s_text, inflated.ToArray());
    }

    private static byte[] Compressed()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(s_text);
        }

        return compressed.ToArray();
    }
}
