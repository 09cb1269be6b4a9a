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

    internal SpApiReportsClient(SpApiEndpoint endpoint, SpApiCredentials credentials, SpApiTransport transport)
    {
        _endpoint = endpoint;
        _credentials = credentials;
        _transport = transport;
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
        var created = await ReadJsonAsync<CreateReportResponse>(response, cancellationToken).ConfigureAwait(false);
        return created.ReportId;
    }

    /// <summary>
    /// getReports, every page: the seller's reports of <paramref name="reportTypes"/> (1 to 10) created in the last
    /// 90 days, optionally only those in <paramref name="processingStatuses"/>. Use it to find a report still pending
    /// instead of requesting the same one again.
    /// </summary>
    public async Task<IReadOnlyList<Report>> GetReportsAsync(
        IReadOnlyCollection<string> reportTypes,
        IReadOnlyCollection<ReportProcessingStatus>? processingStatuses,
        CancellationToken cancellationToken)
    {
        var query = "reportTypes=" + string.Join(',', reportTypes.Select(Uri.EscapeDataString));
        if (processingStatuses is { Count: > 0 })
        {
            query += "&processingStatuses=" + string.Join(',', processingStatuses.Select(WireName));
        }

        var reports = new List<Report>();
        while (true)
        {
            var pageQuery = query;
            using var response = await SendAsync(
                SpApiOperation.GetReports,
                () => new HttpRequestMessage(HttpMethod.Get, ReportsUri("reports?" + pageQuery)),
                cancellationToken).ConfigureAwait(false);
            var page = await ReadJsonAsync<GetReportsResponse>(response, cancellationToken).ConfigureAwait(false);
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
        return await ReadJsonAsync<Report>(response, cancellationToken).ConfigureAwait(false);
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
        return await ReadJsonAsync<ReportDocument>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads a document as text, streaming: gunzipped when it is GZIP (by <c>compressionAlgorithm</c> and the
    /// 1F 8B magic, since a Content-Encoding: gzip download arrives already inflated), decoded by the download's
    /// charset (Cp1252 when none is given, unless a byte-order mark says otherwise). Dispose the reader.
    /// </summary>
    public async Task<TextReader> OpenReportDocumentAsync(ReportDocument document, CancellationToken cancellationToken)
    {
        var response = await _transport.DownloadAsync(document.Url, cancellationToken).ConfigureAwait(false);
        try
        {
            var encoding = ReportDocumentCharset.Resolve(response.Content.Headers.ContentType?.CharSet);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
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
        _transport.SendAsync(operation, _endpoint, _credentials, createRequest, cancellationToken);

    private Uri ReportsUri(string relative) => new(_endpoint.ApiBaseUri, ReportsPath + relative);

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(SpApiJson.Options, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"SP-API answered {(int)response.StatusCode} with an empty {typeof(T).Name}.");
}
