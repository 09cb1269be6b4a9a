using InventoryMapping.AmazonSandbox;
using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.SpApi.Tests;

/// <summary>What Amazon may send that the happy path never shows: answers outside the model, documents cut or stalled, rows and values of every real shape.</summary>
public sealed class ReportAnswersTests
{
    private static readonly SandboxListing s_listing = new("SKU-1", "Crème brûlée € 日本茶", "B0ANSWER01", 12.50m, 3);

    [Fact]
    public async Task A_done_report_without_a_document_id_is_a_contract_error()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        amazon.Control.AddFault(new SandboxFault("getReport", SandboxFaultKind.MissingDocumentId, Times: 1));

        await Assert.ThrowsAsync<SpApiContractException>(() => amazon.Client.GetReportAsync(reportId, amazon.Timeout));
    }

    [Fact]
    public async Task A_processing_status_the_model_does_not_know_is_a_contract_error()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        amazon.Control.AddFault(new SandboxFault("getReport", SandboxFaultKind.UnknownStatus, Times: 1));

        var error = await Assert.ThrowsAsync<SpApiContractException>(() => amazon.Client.GetReportAsync(reportId, amazon.Timeout));

        Assert.Contains("Report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_url_that_is_not_absolute_is_a_contract_error()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.ListOnly(s_listing);
        amazon.Control.AddFault(new SandboxFault("getReportDocument", SandboxFaultKind.RelativeDocumentUrl));

        await Assert.ThrowsAsync<SpApiContractException>(() => amazon.DownloadListingsAsync());
    }

    [Fact]
    public async Task A_body_cut_off_halfway_fails_the_download()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.ListOnly([.. Enumerable.Range(0, 500).Select(i => s_listing with { Sku = $"CUT-{i}" })]);
        amazon.Control.AddFault(new SandboxFault("download", SandboxFaultKind.TruncatedBody));

        // Whether the reset reaches the client before or after the headers, the download fails: never a short document.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => amazon.DownloadListingsAsync());
        Assert.True(error is IOException or HttpRequestException, error.ToString());
    }

    [Fact]
    public async Task A_body_that_stalls_fails_once_the_idle_timeout_passes()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.ListOnly([.. Enumerable.Range(0, 500).Select(i => s_listing with { Sku = $"STALL-{i}" })]);
        amazon.Control.AddFault(new SandboxFault("download", SandboxFaultKind.StalledBody));

        var download = amazon.DownloadListingsAsync();
        // The clock moves only once the half body is out: moved earlier, it could expire the document URL (5 minutes)
        // before the download reached the sandbox, and the test would see that failure instead of the stall.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (amazon.Control.PartialBodiesSent == 0 && !download.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(download, Task.Delay(20));
        }

        Assert.Equal(1, amazon.Control.PartialBodiesSent);
        while (!download.IsCompleted && DateTime.UtcNow < deadline)
        {
            // Moves Amazon's and the client's clock until the client's idle deadline (1 hour here) has passed.
            amazon.Clock.Advance(TimeSpan.FromMinutes(5));
            await Task.WhenAny(download, Task.Delay(20));
        }

        var error = await Assert.ThrowsAsync<ReportDocumentException>(() => download);
        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsPermanent);
    }

    [Fact]
    public async Task Rows_shorter_than_the_header_read_their_missing_trailing_fields_as_empty()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(ExtraColumns: true, OmitTrailingEmptyFields: true));
        amazon.ListOnly(s_listing, s_listing with { Sku = "SKU-2" });
        var malformed = new List<MalformedReportRow>();

        var rows = await amazon.DownloadListingsAsync(malformed);

        Assert.Equal(["SKU-1", "SKU-2"], rows.Select(r => r.Sku));
        Assert.Empty(malformed);
        Assert.Equal("Active", rows[0].Status);
    }

    [Fact]
    public async Task A_price_with_a_decimal_comma_rejects_its_row_with_the_line_number_and_is_never_read_100_times_too_high()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(DecimalComma: true));
        amazon.ListOnly(s_listing);
        var malformed = new List<MalformedReportRow>();

        var rows = await amazon.DownloadListingsAsync(malformed);

        Assert.Empty(rows);
        var rejected = Assert.Single(malformed);
        Assert.Equal(2, rejected.LineNumber);
        Assert.Contains("12,50", rejected.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "Crème brûlée € 日本茶")]
    [InlineData(true, "Crème brûlée € ??? ")]
    public async Task A_document_without_a_charset_is_utf8_when_its_bytes_are_and_windows_1252_when_not(bool cp1252, string expected)
    {
        var format = cp1252 ? new SandboxDocumentFormat(Charset: "") : new SandboxDocumentFormat(Utf8WithoutCharset: true);
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = format);
        amazon.ListOnly(s_listing with { Title = cp1252 ? "Crème brûlée € ??? " : s_listing.Title });

        var row = Assert.Single(await amazon.DownloadListingsAsync());

        Assert.Equal(expected, row.Title);
    }

    [Fact]
    public async Task Japanese_locale_headers_are_read_by_name()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = new SandboxDocumentFormat(Charset: "Shift_JIS", JapaneseHeaders: true));
        amazon.ListOnly(s_listing with { Title = "日本茶 急須" });

        var row = Assert.Single(await amazon.DownloadListingsAsync());

        Assert.Equal(("SKU-1", "日本茶 急須", "B0ANSWER01", 12.50m, 3), (row.Sku, row.Title, row.Asin, row.Price, row.Quantity));
    }

    [Fact]
    public async Task Lwa_5xx_is_an_outage_not_rejected_credentials()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.Control.AddFault(new SandboxFault("token", SandboxFaultKind.InternalError));

        var error = await Assert.ThrowsAsync<SpApiException>(
            () => amazon.Factory.CreateReportsClient(amazon.Endpoint, amazon.Credentials, SpApiCallPolicy.Interactive).GetReportAsync("1", amazon.Timeout));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, amazon.Control.RequestCount("token"));
    }

    [Fact]
    public async Task A_spent_allowance_is_not_waited_for_beyond_the_policy()
    {
        var bucket = new TokenBucket(1.0 / 60, 1, new FakeTimeProvider());
        await bucket.TakeAsync("getReportDocument", TimeSpan.Zero, default);

        var error = await Assert.ThrowsAsync<SpApiRateLimitedException>(async () => await bucket.TakeAsync("getReportDocument", TimeSpan.FromSeconds(5), default));

        Assert.True(error.RetryAfter > TimeSpan.FromSeconds(55));
    }

    [Theory]
    [InlineData("10/03/2024 20:11:24 GMT", "2024-03-10T20:11:24Z")]
    [InlineData("10/07/2024 20:11:24 BST", "2024-07-10T19:11:24Z")]
    [InlineData("2024-03-10 12:11:24 PST", "2024-03-10T20:11:24Z")]
    [InlineData("2024/03/11 05:11:24 JST", "2024-03-10T20:11:24Z")]
    [InlineData("2024-03-10T20:11:24+00:00", "2024-03-10T20:11:24Z")]
    public void Open_dates_in_amazons_formats_become_utc_instants(string text, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), ReportOpenDate.ToUtc(text));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-03-10 12:11:24 XYZ")]
    public void An_open_date_in_no_known_format_has_no_instant(string text) => Assert.Null(ReportOpenDate.ToUtc(text));
}
