using System.Text;
using InventoryMapping.Jobs;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Jobs;

public sealed class BlobRangesTests
{
    public static TheoryData<int, int, string> Cuts => new()
    {
        { 1, 1000, "\n" },
        { 7, 3, "\n" },
        { 64, 2, "\r\n" },
        { 13, 5, "\r\n" },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Every_line_is_read_once_however_the_byte_ranges_cut_the_lines(int parts, int pageRows, string newline)
    {
        await using var app = await TestServices.StartAsync();
        var lines = Enumerable.Range(0, 300).Select(i => $"{i:D4},{new string('x', i % 37)},é{i}").ToList();
        var (blob, length) = await UploadAsync(app, string.Join(newline, lines) + newline);

        var read = await ReadAllAsync(new BlobRanges(blob, length, parts, pageRows));

        Assert.Equal(lines, read.Select(r => r.Text));
        Assert.Equal(read.Select(r => r.Offset).Order(), read.Select(r => r.Offset));
    }

    [Fact]
    public async Task A_last_line_without_a_line_break_is_read()
    {
        await using var app = await TestServices.StartAsync();
        var (blob, length) = await UploadAsync(app, "a\nbb\nccc");

        var read = await ReadAllAsync(new BlobRanges(blob, length, 4, 10));

        Assert.Equal(["a", "bb", "ccc"], read.Select(r => r.Text));
    }

    [Fact]
    public async Task A_page_ends_at_its_row_count_and_goes_on_from_its_cursor()
    {
        await using var app = await TestServices.StartAsync();
        var (blob, length) = await UploadAsync(app, "h\nr1\nr2\nr3\n");
        var source = new BlobRanges(blob, length, 1, 2);

        var first = await source.ReadAsync(0, null, default);
        var second = await source.ReadAsync(0, first.Next, default);
        var again = await source.ReadAsync(0, first.Next, default);

        Assert.Equal(["h", "r1"], first.Items.Select(r => r.Text));
        Assert.Equal(["r2", "r3"], second.Items.Select(r => r.Text));
        Assert.Null(second.Next);
        Assert.Equal(second.Items, again.Items);
    }

    private static async Task<(Azure.Storage.Blobs.BlobClient Blob, long Length)> UploadAsync(TestServices app, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var blob = app.Get<AppStorage>().Container(AppStorage.ReportedRowsContainer).GetBlobClient($"ranges-test/{Guid.NewGuid():N}.csv");
        await blob.UploadAsync(BinaryData.FromBytes(bytes));
        return (blob, bytes.Length);
    }

    private static async Task<List<BlobRow>> ReadAllAsync(BlobRanges source)
    {
        var rows = new List<BlobRow>();
        for (var part = 0; part < source.PartCount; part++)
        {
            string? cursor = null;
            do
            {
                var page = await source.ReadAsync(part, cursor, default);
                rows.AddRange(page.Items);
                cursor = page.Next;
            }
            while (cursor is not null);
        }

        return rows;
    }
}
