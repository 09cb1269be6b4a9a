using InventoryMapping.AmazonSandbox;

namespace InventoryMapping.SpApi.Tests;

public sealed class ReportFlowTests
{
    [Fact]
    public async Task Report_moves_from_in_queue_through_in_progress_to_done_and_its_document_downloads()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);

        var queued = await amazon.Client.GetReportAsync(reportId, amazon.Timeout);
        amazon.Clock.Advance(TimeSpan.FromSeconds(30));
        var processing = await amazon.Client.GetReportAsync(reportId, amazon.Timeout);
        amazon.Clock.Advance(TimeSpan.FromSeconds(60));
        var done = await amazon.Client.GetReportAsync(reportId, amazon.Timeout);

        Assert.Equal(ReportProcessingStatus.InQueue, queued.ProcessingStatus);
        Assert.Null(queued.ReportDocumentId);
        Assert.Equal(ReportProcessingStatus.InProgress, processing.ProcessingStatus);
        Assert.Equal(ReportProcessingStatus.Done, done.ProcessingStatus);
        Assert.Equal(ReportTypes.MerchantListingsAllData, done.ReportType);
        Assert.Equal([SandboxedSpApi.Germany], done.MarketplaceIds);
        Assert.NotNull(done.ProcessingEndTime);

        var document = await amazon.Client.GetReportDocumentAsync(done.ReportDocumentId!, amazon.Timeout);
        var rows = await amazon.Client.ReadAllListingsAsync(document, cancellationToken: amazon.Timeout).ToListAsync(amazon.Timeout);
        Assert.Equal(50, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Sku).Distinct().Count());
    }

    [Theory]
    [InlineData(SandboxReportOutcome.Fatal, ReportProcessingStatus.Fatal)]
    [InlineData(SandboxReportOutcome.Cancelled, ReportProcessingStatus.Cancelled)]
    public async Task Fatal_and_cancelled_reports_are_reported_as_such_without_a_document(SandboxReportOutcome outcome, ReportProcessingStatus expected)
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.ReportOutcome = outcome);
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);

        var report = await amazon.WaitUntilFinishedAsync(reportId);

        Assert.Equal(expected, report.ProcessingStatus);
        Assert.Null(report.ReportDocumentId);
    }

    [Fact]
    public async Task Report_still_in_queue_can_be_cancelled()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);

        await amazon.Client.CancelReportAsync(reportId, amazon.Timeout);

        Assert.Equal(ReportProcessingStatus.Cancelled, (await amazon.Client.GetReportAsync(reportId, amazon.Timeout)).ProcessingStatus);
    }

    [Fact]
    public async Task Report_stuck_in_queue_stays_in_queue()
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.ReportOutcome = SandboxReportOutcome.StuckInQueue);
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);

        amazon.Clock.Advance(TimeSpan.FromHours(6));

        Assert.Equal(ReportProcessingStatus.InQueue, (await amazon.Client.GetReportAsync(reportId, amazon.Timeout)).ProcessingStatus);
    }

    [Fact]
    public async Task Listings_that_disappear_give_a_cancelled_report_and_come_back_when_relisted()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.ListOnly();
        var emptyReportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        var empty = await amazon.WaitUntilFinishedAsync(emptyReportId);

        amazon.ListOnly(new SandboxListing("MUG-1", "Mug", "B000000001", 9.99m, 3));
        var rows = await amazon.DownloadListingsAsync();

        Assert.Equal(ReportProcessingStatus.Cancelled, empty.ProcessingStatus);
        Assert.Equal("MUG-1", Assert.Single(rows).Sku);
    }

    [Fact]
    public async Task Pending_reports_are_found_across_pages_so_none_is_requested_twice()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var created = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            created.Add(await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout));
        }

        await amazon.Client.CreateReportAsync("GET_FLAT_FILE_OPEN_LISTINGS_DATA", [SandboxedSpApi.Germany], amazon.Timeout);
        amazon.Clock.Advance(TimeSpan.FromHours(1));
        var fresh = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);

        var pending = await amazon.Client.GetReportsAsync(
            [ReportTypes.MerchantListingsAllData],
            [ReportProcessingStatus.InQueue, ReportProcessingStatus.InProgress],
            amazon.Timeout);
        var all = await amazon.Client.GetReportsAsync([ReportTypes.MerchantListingsAllData], null, amazon.Timeout);

        Assert.Equal([fresh], pending.Select(r => r.ReportId));
        Assert.Equal(created.Append(fresh).Order(), all.Select(r => r.ReportId).Order());
        // One page of pending reports, then two pages (10 + 3) of all of them.
        Assert.Equal(3, amazon.Control.RequestCount("getReports"));
    }

    [Fact]
    public async Task Unknown_report_surfaces_as_not_found()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();

        var error = await Assert.ThrowsAsync<SpApiException>(() => amazon.Client.GetReportAsync("999", amazon.Timeout));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, amazon.Control.RequestCount("getReport"));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Missing_marketplace_ids_surface_as_invalid_input_without_retry()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();

        var error = await Assert.ThrowsAsync<SpApiException>(() => amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [], amazon.Timeout));

        Assert.Equal("InvalidInput", error.Code);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("marketplaceIds", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, amazon.Control.RequestCount("createReport"));
    }
}
