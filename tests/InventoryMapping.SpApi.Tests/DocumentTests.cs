using InventoryMapping.AmazonSandbox;

namespace InventoryMapping.SpApi.Tests;

public sealed class DocumentTests
{
    private static readonly SandboxListing s_european = new("CAFÉ/1 #a", "Crème „Deluxe“ – 5 € – Größe ß ü é", "B0EURO0001", 12.50m, 7);

    public static TheoryData<string, string> CharsetsAndTitles => new()
    {
        { "Cp1252", "Crème „Deluxe“ – 5 € – Größe ß ü é" },
        { "windows-1252", "Crème „Deluxe“ – 5 € – Größe ß ü é" },
        { "", "Crème „Deluxe“ – 5 € – Größe ß ü é" },
        { "utf8", "Crème „Deluxe“ € 日本茶 急須" },
        { "UTF-8", "Crème „Deluxe“ € 日本茶 急須" },
        { "Shift_JIS", "日本茶 急須 ①" },
    };

    [Fact]
    public async Task Cp1252_document_decodes_euro_and_typographic_quotes()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(Charset: "Cp1252"));
        amazon.ListOnly(s_european);

        var row = Assert.Single(await amazon.DownloadListingsAsync());

        Assert.Equal("Crème „Deluxe“ – 5 € – Größe ß ü é", row.Title);
        Assert.Equal("CAFÉ/1 #a", row.Sku);
    }

    [Theory]
    [MemberData(nameof(CharsetsAndTitles))]
    public async Task Document_decodes_by_the_charset_of_its_content_type(string charset, string title)
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(Charset: charset));
        amazon.ListOnly(s_european with { Title = title });

        var row = Assert.Single(await amazon.DownloadListingsAsync());

        Assert.Equal(title, row.Title);
    }

    [Fact]
    public async Task Gzip_document_is_decompressed()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(Gzip: true));
        amazon.ListOnly(s_european);

        var row = Assert.Single(await amazon.DownloadListingsAsync());

        Assert.Equal(s_european.Title, row.Title);
        Assert.Equal(12.50m, row.Price);
    }

    [Fact]
    public async Task Document_declared_gzip_but_arriving_inflated_is_read_as_plain_text()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(Gzip: true, GzipAlreadyInflated: true));
        amazon.ListOnly(s_european);

        var row = Assert.Single(await amazon.DownloadListingsAsync());

        Assert.Equal(s_european.Title, row.Title);
    }

    [Fact]
    public async Task Utf8_byte_order_mark_beats_the_cp1252_default_when_no_charset_is_given()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(Charset: "", Utf8ByteOrderMark: true));
        amazon.ListOnly(s_european with { Title = "Grüße € 日本" });

        var row = Assert.Single(await amazon.DownloadListingsAsync());

        Assert.Equal("Grüße € 日本", row.Title);
    }

    [Fact]
    public async Task Truncated_gzip_document_fails_with_a_clear_error()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(Gzip: true, TruncateGzip: true));
        amazon.Control.ReplaceCatalogue(SandboxedSpApi.SellerId, SandboxCatalogue.Generated(2_000, seed: 7));

        var error = await Assert.ThrowsAsync<ReportDocumentException>(() => amazon.DownloadListingsAsync());

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shuffled_and_extra_columns_without_status_parse_by_header_name()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o =>
            o.DocumentFormat = new SandboxDocumentFormat(ShuffleColumns: true, ExtraColumns: true, OmitStatusColumn: true));
        amazon.ListOnly(s_european with { ListingId = "0310XYZ", OpenDate = "10/03/2024 20:11:24 GMT" });

        var row = Assert.Single(await amazon.DownloadListingsAsync());

        Assert.Equal(new AmazonListingRow("CAFÉ/1 #a", s_european.Title, "B0EURO0001", 12.50m, 7, "DEFAULT", null, "0310XYZ", null, "1", "10/03/2024 20:11:24 GMT"), row with { ProductId = null, OpenedAt = null });
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 20, 11, 24, TimeSpan.Zero), row.OpenedAt);
    }

    [Fact]
    public async Task Fba_rows_have_no_quantity_and_merchant_rows_have_one()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.Control.ReplaceCatalogue(SandboxedSpApi.SellerId, SandboxCatalogue.Generated(300, seed: 3));

        var rows = await amazon.DownloadListingsAsync();

        Assert.Equal(300, rows.Count);
        Assert.Contains(rows, r => r.IsFba);
        Assert.Contains(rows, r => !r.IsFba);
        Assert.All(rows.Where(r => r.IsFba), r => Assert.Null(r.Quantity));
        Assert.All(rows.Where(r => !r.IsFba), r => Assert.NotNull(r.Quantity));
        Assert.All(rows.Where(r => r.IsFba), r => Assert.Contains(r.FulfillmentChannel, new[] { "AMAZON_EU", "AMAZON_NA" }));
    }

    [Fact]
    public async Task Generated_skus_with_url_hostile_characters_arrive_unchanged()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.Control.ReplaceCatalogue(SandboxedSpApi.SellerId, SandboxCatalogue.Generated(14, seed: 5));

        var skus = (await amazon.DownloadListingsAsync()).Select(r => r.Sku).ToList();

        Assert.Equal(Enumerable.Range(0, 14).Select(i => ListingGenerator.Create(i, 5).Sku), skus);
        Assert.Contains(skus, s => s.Contains(" a/b #c?d\\e%f g", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expired_document_url_fails_with_a_clear_error()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        var report = await amazon.WaitUntilFinishedAsync(reportId);
        var document = await amazon.Client.GetReportDocumentAsync(report.ReportDocumentId!, amazon.Timeout);

        amazon.Clock.Advance(TimeSpan.FromMinutes(6));
        var error = await Assert.ThrowsAsync<ReportDocumentException>(() => amazon.Client.OpenReportDocumentAsync(document, amazon.Timeout));

        Assert.Contains("expire", error.Message, StringComparison.Ordinal);
    }
}
