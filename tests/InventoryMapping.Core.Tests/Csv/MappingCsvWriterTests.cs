using System.Text;
using CsvHelper;
using InventoryMapping.Csv;

namespace InventoryMapping.Core.Tests.Csv;

public sealed class MappingCsvWriterTests
{
    public static TheoryData<string> Values => new()
    {
        "plain", "'quoted", "''twice", "'=x", "=SUM(A1:A2)", "+1", "-1", "@cmd", "\tleading tab", "\rleading cr", "in\ttab",
        "a,b", "say \"hi\"", "semi;colon", " leading", "trailing ", "line\r\nbreak", "lf\nonly", "Grüße", "日本語", "😀", "",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_written_and_read_back_with_restore_is_byte_exact(string value)
    {
        using var bytes = new MemoryStream();
        bytes.Write(MappingCsvWriter.Header([MappingCsvField.ChannelSku, MappingCsvField.Title]));
        using (var writer = new MappingCsvWriter(bytes))
        {
            writer.WriteRow([value, "after"]);
        }

        using var reader = CsvReader.Create(bytes.ToArray(), CsvReaderOptions.Default);
        var rows = new List<(string, string)>();
        foreach (var row in reader)
        {
            rows.Add((CsvFormulaGuard.Restore(row.GetString(0)), row.GetString(1)));
        }

        Assert.Equal([(value, "after")], rows);
    }

    [Theory]
    [InlineData("in\ttab", "\"in\ttab\"")]
    [InlineData("semi;colon", "\"semi;colon\"")]
    [InlineData(" leading", "\" leading\"")]
    [InlineData("trailing ", "\"trailing \"")]
    [InlineData("lf\nonly", "\"lf\nonly\"")]
    [InlineData("\tleading tab", "\"'\tleading tab\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("plain", "plain")]
    public void A_cell_a_spreadsheet_could_split_or_trim_is_quoted(string value, string written)
    {
        using var bytes = new MemoryStream();
        using (var writer = new MappingCsvWriter(bytes))
        {
            writer.WriteRow([value]);
        }

        Assert.Equal(written + "\r\n", Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public void The_header_is_the_utf8_bom_and_the_field_names()
    {
        var header = MappingCsvWriter.Header(MappingCsvField.All);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), header[..3]);
        Assert.Equal(string.Join(",", MappingCsvField.All.Select(f => f.Name)) + "\r\n", Encoding.UTF8.GetString(header[3..]));
    }
}
