using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryMapping.AmazonSandbox;

/// <summary>Amazon's side: the LWA token endpoint, Reports API 2021-06-30 and the pre-signed document download.</summary>
public static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapAmazonSandbox(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/o2/token", TokenAsync).WithName("token").AddEndpointFilter<SandboxFaultFilter>();

        var reports = app.MapGroup("/reports/2021-06-30")
            .AddEndpointFilter<SandboxFaultFilter>()
            .AddEndpointFilter<SandboxAuthorizationFilter>()
            .AddEndpointFilter<SandboxRateLimitFilter>();
        reports.MapPost("/reports", CreateReportAsync).WithName("createReport");
        reports.MapGet("/reports", GetReports).WithName("getReports");
        reports.MapGet("/reports/{reportId}", GetReport).WithName("getReport");
        reports.MapDelete("/reports/{reportId}", CancelReport).WithName("cancelReport");
        reports.MapGet("/documents/{reportDocumentId}", GetReportDocument).WithName("getReportDocument");

        app.MapGet("/_documents/{documentId}", DownloadAsync).WithName("download").AddEndpointFilter<SandboxFaultFilter>();

        app.MapFeedsAndListings();
        app.MapSandboxControl();
        return app;
    }

    private static async Task<IResult> TokenAsync(HttpContext http, SandboxControl control)
    {
        if (!http.Request.HasFormContentType)
        {
            return SandboxResults.Lwa(400, "invalid_request", "The request must be application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"] != "refresh_token")
        {
            return SandboxResults.Lwa(400, "unsupported_grant_type", "Only grant_type=refresh_token is supported here.");
        }

        if (form["client_id"] != control.Options.ClientId || form["client_secret"] != control.Options.ClientSecret)
        {
            return SandboxResults.Lwa(401, "invalid_client", "Client authentication failed");
        }

        var refreshToken = form["refresh_token"].ToString();
        if (control.SellerOfRefreshToken(refreshToken) is not { } sellerId)
        {
            return SandboxResults.Lwa(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
        }

        return TypedResults.Json(new
        {
            access_token = control.IssueAccessToken(sellerId),
            token_type = "bearer",
            expires_in = (int)control.Options.AccessTokenLifetime.TotalSeconds,
            refresh_token = refreshToken,
        });
    }

    private static async Task<IResult> CreateReportAsync(HttpContext http, SandboxControl control)
    {
        if (!http.Request.HasJsonContentType())
        {
            return SandboxResults.Errors(415, "InvalidInput", "Content-Type must be application/json.");
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return SandboxResults.Errors(400, "InvalidInput", "The request body is not valid JSON.");
        }

        if (body?["reportType"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var reportType) || reportType.Length == 0)
        {
            return SandboxResults.Errors(400, "InvalidInput", "reportType is required.");
        }

        var marketplaceIds = (body["marketplaceIds"] as JsonArray)?
            .Select(id => id is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .ToList();
        if (marketplaceIds is null || marketplaceIds.Count == 0 || marketplaceIds.Any(string.IsNullOrEmpty))
        {
            return SandboxResults.Errors(400, "InvalidInput", "marketplaceIds must contain between 1 and 25 marketplace identifiers.");
        }

        if (marketplaceIds.Count > 25)
        {
            return SandboxResults.Errors(400, "InvalidInput", "marketplaceIds must contain between 1 and 25 marketplace identifiers.");
        }

        var report = control.CreateReport(SandboxAuthorizationFilter.SellerOf(http), reportType, marketplaceIds!, body.ToJsonString());
        return SandboxFaultFilter.PlayedBy(http) == SandboxFaultKind.CreatedThenInternalError
            ? SandboxResults.Errors(StatusCodes.Status500InternalServerError, "InternalFailure", "We encountered an internal error. Please try again.")
            : TypedResults.Json(new { reportId = report.ReportId }, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult GetReports(HttpContext http, SandboxControl control)
    {
        var query = http.Request.Query;
        var now = control.Clock.GetUtcNow();
        IReadOnlyList<SandboxReport> matching;
        if (query.TryGetValue("nextToken", out var nextToken))
        {
            if (query.Count > 1)
            {
                return SandboxResults.Errors(400, "InvalidInput", "nextToken must be the only parameter.");
            }

            if (control.TakePage(nextToken.ToString()) is not { } rest)
            {
                return SandboxResults.Errors(400, "InvalidInput", "Invalid nextToken.");
            }

            matching = rest;
        }
        else
        {
            var types = CsvQuery(query, "reportTypes");
            if (types.Count is 0 or > 10)
            {
                return SandboxResults.Errors(400, "InvalidInput", "reportTypes must contain between 1 and 10 report types.");
            }

            var statuses = CsvQuery(query, "processingStatuses");
            var since = DateTimeOffset.TryParse(query["createdSince"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : now.AddDays(-90);
            matching = [.. control.ReportsOf(SandboxAuthorizationFilter.SellerOf(http))
                .Where(r => types.Contains(r.ReportType) && r.CreatedTime >= since)
                .Where(r => statuses.Count == 0 || statuses.Contains(r.Status(now)))];
        }

        var pageSize = int.TryParse(query["pageSize"], out var size) && size is >= 1 and <= 100 ? size : 10;
        var page = matching.Take(pageSize).Select(r => r.ToJson(now)).ToList();
        var next = matching.Count > pageSize ? control.SavePage([.. matching.Skip(pageSize)]) : null;
        return TypedResults.Json(new { reports = page, nextToken = next });
    }

    private static List<string> CsvQuery(IQueryCollection query, string name) =>
        [.. query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static IResult GetReport(string reportId, HttpContext http, SandboxControl control)
    {
        if (control.FindReport(SandboxAuthorizationFilter.SellerOf(http), reportId) is not { } report)
        {
            return ReportNotFound(reportId);
        }

        var json = JsonSerializer.SerializeToNode(report.ToJson(control.Clock.GetUtcNow()), JsonOptions)!.AsObject();
        switch (SandboxFaultFilter.PlayedBy(http))
        {
            case SandboxFaultKind.MissingDocumentId:
                json["processingStatus"] = "DONE";
                json.Remove("reportDocumentId");
                break;
            case SandboxFaultKind.UnknownStatus:
                json["processingStatus"] = "PENDING_REVIEW";
                break;
        }

        return TypedResults.Json(json);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static IResult CancelReport(string reportId, HttpContext http, SandboxControl control)
    {
        if (control.FindReport(SandboxAuthorizationFilter.SellerOf(http), reportId) is not { } report)
        {
            return ReportNotFound(reportId);
        }

        return report.TryCancel(control.Clock.GetUtcNow())
            ? TypedResults.Ok()
            : SandboxResults.Errors(400, "InvalidInput", $"Report {reportId} is {report.Status(control.Clock.GetUtcNow())}; only IN_QUEUE reports can be cancelled.");
    }

    private static IResult GetReportDocument(string reportDocumentId, HttpContext http, SandboxControl control)
    {
        if (control.FindDocument(SandboxAuthorizationFilter.SellerOf(http), reportDocumentId) is not { } report)
        {
            return SandboxResults.Errors(404, "NotFound", $"Report document {reportDocumentId} not found.");
        }

        var token = control.IssueDownloadToken(report);
        var lifetime = (int)control.Options.DocumentUrlLifetime.TotalSeconds;
        var origin = SandboxFaultFilter.PlayedBy(http) == SandboxFaultKind.RelativeDocumentUrl ? "" : $"{http.Request.Scheme}://{http.Request.Host}";
        var url = $"{origin}/_documents/{Uri.EscapeDataString(report.DocumentId)}" +
            $"?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date={control.Clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}" +
            $"&X-Amz-Expires={lifetime.ToString(CultureInfo.InvariantCulture)}&X-Amz-Signature={token}";
        return TypedResults.Json(new
        {
            reportDocumentId = report.DocumentId,
            url,
            compressionAlgorithm = report.Format.Gzip && !report.IsErrorDocument ? "GZIP" : null,
        });
    }

    private static async Task<IResult> DownloadAsync(string documentId, HttpContext http, SandboxControl control)
    {
        var (report, expired) = control.RedeemDownloadToken(documentId, http.Request.Query["X-Amz-Signature"].FirstOrDefault());
        if (report is null)
        {
            return expired
                ? SandboxResults.S3(403, "AccessDenied", "Request has expired")
                : SandboxResults.S3(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }

        if (report.IsErrorDocument)
        {
            http.Response.ContentType = "application/json;charset=UTF-8";
            await http.Response.WriteAsync(SandboxReport.ErrorDocumentText, http.RequestAborted);
            return Results.Empty;
        }

        http.Response.ContentType = report.Format.Utf8WithoutCharset ? "text/plain" : SandboxCharsets.ContentType(report.Format.Charset);
        if (SandboxFaultFilter.PlayedBy(http) is SandboxFaultKind.TruncatedBody or SandboxFaultKind.StalledBody)
        {
            using var whole = new MemoryStream();
            await ListingsDocumentWriter.WriteAsync(whole, report.Content, report.Format, http.RequestAborted);
            http.Response.ContentLength = whole.Length;
            await http.Response.Body.WriteAsync(whole.GetBuffer().AsMemory(0, (int)(whole.Length / 2)), http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            control.CountPartialBody();
            if (SandboxFaultFilter.PlayedBy(http) == SandboxFaultKind.StalledBody)
            {
                // Nothing more until the client hangs up (or the sandbox stops).
                await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            http.Abort();
            return Results.Empty;
        }

        await ListingsDocumentWriter.WriteAsync(http.Response.Body, report.Content, report.Format, http.RequestAborted);
        return Results.Empty;
    }

    private static IResult ReportNotFound(string reportId) => SandboxResults.Errors(404, "NotFound", $"Report {reportId} not found.");
}
