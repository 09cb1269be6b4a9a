using System.Net;
using System.Text.Json;

namespace InventoryMapping.SpApi.Tests;

public sealed class AuthorizationTests
{
    [Fact]
    public async Task Access_token_is_exchanged_once_and_reused_until_shortly_before_it_expires()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        await amazon.Client.GetReportAsync(reportId, amazon.Timeout);
        await amazon.Client.GetReportAsync(reportId, amazon.Timeout);
        var exchangesWhileFresh = amazon.Control.RequestCount("token");

        amazon.Clock.Advance(TimeSpan.FromMinutes(56));
        await amazon.Client.GetReportAsync(reportId, amazon.Timeout);

        Assert.Equal(1, exchangesWhileFresh);
        Assert.Equal(2, amazon.Control.RequestCount("token"));
    }

    [Fact]
    public async Task Unknown_refresh_token_fails_with_an_authorization_error_and_is_not_retried()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var client = amazon.Factory.CreateReportsClient(amazon.Endpoint, amazon.Credentials with { RefreshToken = "Atzr|revoked" });

        var error = await Assert.ThrowsAsync<SpApiAuthorizationException>(() => client.GetReportAsync("1", amazon.Timeout));

        Assert.Equal("invalid_grant", error.Error);
        Assert.Equal(1, amazon.Control.RequestCount("token"));
        Assert.Equal(0, amazon.Control.RequestCount("getReport"));
    }

    [Fact]
    public async Task Revoked_access_token_is_replaced_by_a_fresh_one_and_the_call_repeated()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);

        amazon.Control.RevokeAccessTokens();
        var report = await amazon.Client.GetReportAsync(reportId, amazon.Timeout);

        Assert.Equal(reportId, report.ReportId);
        Assert.Equal(2, amazon.Control.RequestCount("token"));
        Assert.Equal(2, amazon.Control.RequestCount("getReport"));
    }

    [Fact]
    public async Task Credentials_never_show_their_secret_or_refresh_token()
    {
        var credentials = new SpApiCredentials("amzn1.application-oa2-client.abc", "very-secret", "Atzr|refresh-me");

        var text = credentials.ToString();

        Assert.Contains("amzn1.application-oa2-client.abc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Atzr|refresh-me", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Atza|forged")]
    public async Task Sandbox_refuses_calls_without_a_valid_access_token_with_403(string? accessToken)
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(amazon.Sandbox.BaseUri, "reports/2021-06-30/reports/1"));
        if (accessToken is not null)
        {
            request.Headers.Add("x-amz-access-token", accessToken);
        }

        using var response = await http.SendAsync(request, amazon.Timeout);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(amazon.Timeout));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Unauthorized", body.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
