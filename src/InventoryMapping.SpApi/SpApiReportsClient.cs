using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace InventoryMapping.SpApi;

/// <summary>Reports API 2021-06-30 for one seller (credentials) in one region (endpoint). Get one from <see cref="SpApiClientFactory"/>.</summary>
public sealed class SpApiReportsClient
{
    private const string ReportsPath = "reports/2021-06-30/";
    private static readonly byte[] s_gzipMagic = [0x1F, 0x8B];

    private readonly SpApiEndpoint _endpoint;
    private readonly SpApiCredentials _credentials;
    private readonly SpApiTransport _transport;
    private readonly SpApiCallPolicy _policy;

    internal SpApiReportsClient(SpApiEndpoint endpoint, SpApiCredentials credentials, SpApiTransport transport, SpApiCallPolicy policy)
    {
        _endpoint = endpoint;
        _credentials = credentials;
        _transport = transport;
        _policy = policy;
    }

    /// <summary>createReport; returns the <c>reportId</c>.</summary>
    public async Task<string> CreateReportAsync(string reportType, IReadOnlyCollection<string> marketplaceIds, CancellationToken cancellationToken)
    {
        var specification = new CreateReportSpecification(reportType, [.. marketplaceIds]);
        using var response = await SendAsync(
            SpApiOperation.CreateReport,
            () => new HttpRequestMessage(HttpMethod.Post, ReportsUri("reports"))
            {
                Content = JsonContent.Create(specification, options: SpApiJson.Options),
            },
            cancellationToken).ConfigureAwait(false);
        var created = await ReadJsonAsync<CreateReportResponse>(SpApiOperation.CreateReport, response, cancellationToken).ConfigureAwait(false);
        return created.ReportId;
    }

    /// <summary>
    /// getReports, every page: the seller's reports of <paramref name="reportTypes"/> (1 to 10) created in the last
    /// 90 days (or since <paramref name="createdSince"/>), optionally only those in <paramref name="processingStatuses"/>.
    /// Use it to find a report still pending, or one a failed createReport may have created, instead of requesting it again.
    /// </summary>
    public async Task<IReadOnlyList<Report>> GetReportsAsync(
        IReadOnlyCollection<string> reportTypes,
        IReadOnlyCollection<ReportProcessingStatus>? processingStatuses,
        CancellationToken cancellationToken,
        DateTimeOffset? createdSince = null)
    {
        var query = "reportTypes=" + string.Join(',', reportTypes.Select(Uri.EscapeDataString));
        if (processingStatuses is { Count: > 0 })
        {
            query += "&processingStatuses=" + string.Join(',', processingStatuses.Select(WireName));
        }

        if (createdSince is { } since)
        {
            query += "&createdSince=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }

        var reports = new List<Report>();
        while (true)
        {
            var pageQuery = query;
            using var response = await SendAsync(
                SpApiOperation.GetReports,
                () => new HttpRequestMessage(HttpMethod.Get, ReportsUri("reports?" + pageQuery)),
                cancellationToken).ConfigureAwait(false);
            var page = await ReadJsonAsync<GetReportsResponse>(SpApiOperation.GetReports, response, cancellationToken).ConfigureAwait(false);
            reports.AddRange(page.Reports);
            if (string.IsNullOrEmpty(page.NextToken))
            {
                return reports;
            }

            // Amazon wants the next token as the only parameter.
            query = "nextToken=" + Uri.EscapeDataString(page.NextToken);
        }
    }

    /// <summary>getReport.</summary>
    public async Task<Report> GetReportAsync(string reportId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            SpApiOperation.GetReport,
            () => new HttpRequestMessage(HttpMethod.Get, ReportsUri($"reports/{Uri.EscapeDataString(reportId)}")),
            cancellationToken).ConfigureAwait(false);
        var report = await ReadJsonAsync<Report>(SpApiOperation.GetReport, response, cancellationToken).ConfigureAwait(false);
        return report.ProcessingStatus == ReportProcessingStatus.Done && string.IsNullOrEmpty(report.ReportDocumentId)
            ? throw new SpApiContractException(SpApiOperation.GetReport.Name, $"report {reportId} is DONE but has no reportDocumentId.")
            : report;
    }

    /// <summary>cancelReport; Amazon only cancels reports that are still <see cref="ReportProcessingStatus.InQueue"/>.</summary>
    public async Task CancelReportAsync(string reportId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            SpApiOperation.CancelReport,
            () => new HttpRequestMessage(HttpMethod.Delete, ReportsUri($"reports/{Uri.EscapeDataString(reportId)}")),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>getReportDocument. Its URL expires after 5 minutes: call this right before downloading.</summary>
    public async Task<ReportDocument> GetReportDocumentAsync(string reportDocumentId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            SpApiOperation.GetReportDocument,
            () => new HttpRequestMessage(HttpMethod.Get, ReportsUri($"documents/{Uri.EscapeDataString(reportDocumentId)}")),
            cancellationToken).ConfigureAwait(false);
        var document = await ReadJsonAsync<ReportDocument>(SpApiOperation.GetReportDocument, response, cancellationToken).ConfigureAwait(false);
        return document.Url is { IsAbsoluteUri: true, Scheme: "https" or "http" }
            ? document
            : throw new SpApiContractException(SpApiOperation.GetReportDocument.Name, $"document {reportDocumentId} has the url '{document.Url}', which is not an absolute http(s) URI.");
    }

    /// <summary>
    /// Downloads a document as text, streaming: gunzipped when it is GZIP (by <c>compressionAlgorithm</c> and the
    /// 1F 8B magic, since a Content-Encoding: gzip download arrives already inflated), decoded by the download's
    /// charset (Cp1252 when none is given, unless a byte-order mark says otherwise). Dispose the reader.
    /// </summary>
    public async Task<TextReader> OpenReportDocumentAsync(ReportDocument document, CancellationToken cancellationToken)
    {
        var response = await _transport.DownloadAsync(document.Url, _policy, cancellationToken).ConfigureAwait(false);
        try
        {
            var encoding = ReportDocumentCharset.Resolve(response.Content.Headers.ContentType?.CharSet);
            var body = _transport.WithDeadlines(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            if (document.IsGzip)
            {
                var (replay, head, headLength) = await PrefixedStream.PeekAsync(body, s_gzipMagic.Length, cancellationToken).ConfigureAwait(false);
                body = headLength == s_gzipMagic.Length && head.AsSpan().SequenceEqual(s_gzipMagic) ? new VerifiedGzipStream(replay) : replay;
            }

            return new StreamReader(body, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Downloads a GET_MERCHANT_LISTINGS_ALL_DATA document and yields its rows as they arrive.</summary>
    public async IAsyncEnumerable<AmazonListingRow> ReadAllListingsAsync(
        ReportDocument document,
        Action<MalformedReportRow>? onMalformedRow = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = await OpenReportDocumentAsync(document, cancellationToken).ConfigureAwait(false);
        await foreach (var row in AllListingsReportParser.ParseAsync(reader, onMalformedRow, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private static string WireName(ReportProcessingStatus status) => JsonSerializer.Serialize(status, SpApiJson.Options).Trim('"');

    private Task<HttpResponseMessage> SendAsync(SpApiOperation operation, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        _transport.SendAsync(operation, _endpoint, _credentials, _policy, createRequest, cancellationToken);

    private Uri ReportsUri(string relative) => new(_endpoint.ApiBaseUri, ReportsPath + relative);

    private static Task<T> ReadJsonAsync<T>(SpApiOperation operation, HttpResponseMessage response, CancellationToken cancellationToken) =>
        SpApiResponses.ReadJsonAsync<T>(operation, response, cancellationToken);
}
