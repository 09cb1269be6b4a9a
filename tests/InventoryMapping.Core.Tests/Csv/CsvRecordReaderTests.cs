using System.Text;
using InventoryMapping.Csv;

namespace InventoryMapping.Core.Tests.Csv;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public async Task Reads_records_with_offsets_lines_and_quoted_line_breaks()
    {
        var text = "a,b\r\n\"x\ny\",\"q\"\"q\"\n\nlast,1";
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new CsvRecordReader(new MemoryStream(bytes), CsvEncoding.Utf8, ',', 0, 1);
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync(default) is { } record)
        {
            records.Add(record);
        }

        Assert.Equal(3, records.Count);
        Assert.Equal([1L, 2L, 5L], records.Select(r => r.Line));
        Assert.Equal("x\ny", records[1].Cells[0].Text);
        Assert.Equal("q\"q", records[1].Cells[1].Text);
        Assert.Equal(5, records[1].Start);
        Assert.Equal(text.IndexOf("last", StringComparison.Ordinal), records[2].Start);
        Assert.Equal(bytes.Length, records[2].End);
    }

    [Fact]
    public async Task Resumes_at_a_record_boundary_in_utf16()
    {
        var text = "h1\th2\r\nCafé\t€\r\nzz\tyy\r\n";
        var bytes = Encoding.BigEndianUnicode.GetBytes(text);
        var first = new CsvRecordReader(new MemoryStream(bytes), CsvEncoding.Utf16BigEndian, '\t', 0, 1);
        await first.ReadAsync(default);
        await first.ReadAsync(default);
        var offset = first.Offset;
        var second = new CsvRecordReader(new MemoryStream(bytes[(int)offset..]), CsvEncoding.Utf16BigEndian, '\t', offset, first.Line);
        var record = await second.ReadAsync(default);
        Assert.Equal("zz", record!.Cells[0].Text);
        Assert.Equal(3, record.Line);
        Assert.Null(await second.ReadAsync(default));
    }

    [Fact]
    public async Task Windows1252_bytes_count_one_each()
    {
        byte[] bytes = [.. "a\n"u8, 0x80, .. "x\nb\n"u8];
        var reader = new CsvRecordReader(new MemoryStream(bytes), CsvEncoding.Utf8, ',', 0, 1);
        await reader.ReadAsync(default);
        var euro = await reader.ReadAsync(default);
        Assert.Equal("€x", euro!.Cells[0].Text);
        Assert.Equal(2, euro.Start);
        Assert.Equal(5, euro.End);
    }

    [Fact]
    public void Detects_delimiter_bom_and_refuses_workbooks()
    {
        Assert.Equal(';', CsvFormatDetection.Detect("a;b;c,d\n"u8, 8).Value!.Delimiter);
        Assert.Equal('\t', CsvFormatDetection.Detect("a\tb\n"u8, 4).Value!.Delimiter);
        Assert.Equal(CsvEncoding.Utf16LittleEndian, CsvFormatDetection.Detect([0xFF, 0xFE, (byte)'a', 0], 4).Value!.Encoding);
        Assert.Contains("save it as CSV", CsvFormatDetection.Detect("PK\u0003\u0004xx"u8, 6).Error!.Detail);
    }
}
