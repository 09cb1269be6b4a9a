using InventoryMapping.AmazonSandbox;

namespace InventoryMapping.SpApi.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Throttling_storm_is_retried_until_the_call_succeeds()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        amazon.Control.AddFault(new SandboxFault("getReport", SandboxFaultKind.Throttle, Times: 5));

        var report = await amazon.Client.GetReportAsync(reportId, amazon.Timeout);

        Assert.Equal(reportId, report.ReportId);
        Assert.Equal(6, amazon.Control.RequestCount("getReport"));
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_call_succeeds()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.Control.AddFault(new SandboxFault("createReport", SandboxFaultKind.InternalError, Times: 1));
        amazon.Control.AddFault(new SandboxFault("createReport", SandboxFaultKind.Unavailable, Times: 1));

        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);

        Assert.False(string.IsNullOrEmpty(reportId));
        Assert.Equal(3, amazon.Control.RequestCount("createReport"));
    }

    [Fact]
    public async Task Endless_throttling_gives_up_with_quota_exceeded()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.Control.AddFault(new SandboxFault("getReport", SandboxFaultKind.Throttle));

        var error = await Assert.ThrowsAsync<SpApiException>(() => amazon.Client.GetReportAsync("1", amazon.Timeout));

        Assert.Equal("QuotaExceeded", error.Code);
        Assert.Equal(7, amazon.Control.RequestCount("getReport"));
    }

    [Fact]
    public async Task Create_report_beyond_the_burst_waits_for_the_bucket_instead_of_being_throttled()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var started = amazon.Clock.GetUtcNow();

        for (var i = 0; i < 16; i++)
        {
            await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        }

        // The 16th request needed a token refilled at 1 per minute; the bucket waited on the (fake) clock for it.
        Assert.True(amazon.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(59));
        Assert.Equal(16, amazon.Control.RequestCount("createReport"));
        Assert.Equal(0, amazon.Control.ThrottledCount("createReport"));
    }

    [Fact]
    public async Task Rate_limit_buckets_are_per_seller()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        amazon.Control.AddSeller("A2OTHERSELLER", "Atzr|other-seller");
        var other = amazon.Factory.CreateReportsClient(amazon.Endpoint, amazon.Credentials with { RefreshToken = "Atzr|other-seller" });
        var started = amazon.Clock.GetUtcNow();

        for (var i = 0; i < 15; i++)
        {
            await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
            await other.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        }

        Assert.Equal(started, amazon.Clock.GetUtcNow());
        Assert.Equal(0, amazon.Control.ThrottledCount("createReport"));
    }

    [Fact]
    public async Task Sandbox_throttles_a_seller_beyond_the_documented_burst()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var token = await amazon.AccessTokenAsync();
        using var http = new HttpClient { BaseAddress = amazon.Sandbox.BaseUri };

        var statuses = new List<int>();
        for (var i = 0; i < 16; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "reports/2021-06-30/reports/1");
            request.Headers.Add("x-amz-access-token", token);
            using var response = await http.SendAsync(request, amazon.Timeout);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(404, 15).Append(429), statuses);
    }

    [Fact]
    public async Task Slow_response_times_out_and_the_attempt_is_retried()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        amazon.Control.AddFault(new SandboxFault("getReport", SandboxFaultKind.Slow, Times: 1, Delay: TimeSpan.FromHours(3)));

        var pending = amazon.Client.GetReportAsync(reportId, amazon.Timeout);
        await Until(() => amazon.Control.RequestCount("getReport") == 1, amazon.Timeout);
        amazon.Clock.Advance(TimeSpan.FromHours(1));
        var report = await pending;

        Assert.Equal(reportId, report.ReportId);
        Assert.Equal(2, amazon.Control.RequestCount("getReport"));
    }

    private static async Task Until(Func<bool> condition, CancellationToken deadline)
    {
        while (!condition())
        {
            await Task.Delay(10, deadline);
        }
    }
}
