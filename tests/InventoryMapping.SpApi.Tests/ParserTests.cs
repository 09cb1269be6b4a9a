namespace InventoryMapping.SpApi.Tests;

public sealed class ParserTests
{
    public static TheoryData<string?, int> Charsets => new()
    {
        { "utf8", 65001 },
        { "UTF-8", 65001 },
        { "Cp1252", 1252 },
        { "windows-1252", 1252 },
        { "ISO-8859-1", 1252 },
        { "Shift_JIS", 932 },
        { "cp932", 932 },
        { "windows-31j", 932 },
        // No charset: UTF-8 where the bytes are UTF-8, Windows-1252 byte by byte where not (issue 9).
        { null, 65001 },
        { "", 65001 },
    };

    [Theory]
    [MemberData(nameof(Charsets))]
    public void Charset_names_resolve_to_the_encoding_amazon_means(string? charset, int codePage)
    {
        Assert.Equal(codePage, ReportDocumentCharset.Resolve(charset).CodePage);
    }

    [Fact]
    public void Unknown_charset_is_a_report_document_error()
    {
        Assert.Throws<ReportDocumentException>(() => ReportDocumentCharset.Resolve("x-klingon"));
    }

    [Fact]
    public async Task Rows_longer_than_the_header_are_reported_and_skipped_and_shorter_ones_read_the_rest_as_empty()
    {
        // Amazon leaves trailing empty fields out, so a short row is real (issue 9); a longer one cannot be mapped.
        var document = "seller-sku\tquantity\tstatus\nA\t1\tActive\nB\t2\nC\t3\tActive\textra\nD\t\tInactive\n";
        var malformed = new List<MalformedReportRow>();

        var rows = await AllListingsReportParser.ParseAsync(new StringReader(document), malformed.Add).ToListAsync();

        Assert.Equal(["A", "B", "D"], rows.Select(r => r.Sku));
        Assert.Equal([(4L, 4, 3)], malformed.Select(m => (m.LineNumber, m.FieldCount, m.ExpectedFieldCount)));
        Assert.Equal((2, null), (rows[1].Quantity, rows[1].Status));
        Assert.Null(rows[2].Quantity);
    }

    [Fact]
    public async Task Header_without_seller_sku_is_a_report_document_error()
    {
        var document = "item-name\tprice\nMug\t1.00\n";

        await Assert.ThrowsAsync<ReportDocumentException>(async () => await AllListingsReportParser.ParseAsync(new StringReader(document)).ToListAsync());
    }

    [Fact]
    public async Task Price_uses_a_dot_and_misspelt_fulfilment_channel_is_accepted()
    {
        var document = "price\tseller-sku\tfulfilment-channel\n120.49\tX\tAMAZON_EU\n";

        var row = Assert.Single(await AllListingsReportParser.ParseAsync(new StringReader(document)).ToListAsync());

        Assert.Equal(120.49m, row.Price);
        Assert.True(row.IsFba);
    }
}
