using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace InventoryMapping.SpApi;

/// <summary>Feeds API 2021-06-30 for one seller in one region: createFeedDocument, upload, createFeed, getFeed(s), the result document. Get one from <see cref="SpApiClientFactory"/>.</summary>
public sealed class SpApiFeedsClient
{
    private const string FeedsPath = "feeds/2021-06-30/";

    private readonly SpApiEndpoint _endpoint;
    private readonly SpApiCredentials _credentials;
    private readonly SpApiTransport _transport;
    private readonly SpApiCallPolicy _policy;

    internal SpApiFeedsClient(SpApiEndpoint endpoint, SpApiCredentials credentials, SpApiTransport transport, SpApiCallPolicy policy)
    {
        _endpoint = endpoint;
        _credentials = credentials;
        _transport = transport;
        _policy = policy;
    }

    /// <summary>createFeedDocument: where to upload a document of <paramref name="contentType"/> (the URL expires after 5 minutes).</summary>
    public async Task<FeedDocument> CreateFeedDocumentAsync(string contentType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            SpApiOperation.CreateFeedDocument,
            () => new HttpRequestMessage(HttpMethod.Post, FeedsUri("documents")) { Content = JsonContent.Create(new { contentType }, options: SpApiJson.Options) },
            cancellationToken).ConfigureAwait(false);
        var document = await SpApiResponses.ReadJsonAsync<FeedDocument>(SpApiOperation.CreateFeedDocument, response, cancellationToken).ConfigureAwait(false);
        return CheckUrl(SpApiOperation.CreateFeedDocument, document);
    }

    /// <summary>Uploads the document's bytes with exactly the Content-Type it was created for.</summary>
    public Task UploadFeedDocumentAsync(FeedDocument document, string contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        _transport.UploadAsync(document.Url, contentType, body, _policy, cancellationToken);

    /// <summary>createFeed; returns the <c>feedId</c>. A JSON_LISTINGS_FEED also takes a token of the feed type's own limit.</summary>
    public async Task<string> CreateFeedAsync(string feedType, IReadOnlyCollection<string> marketplaceIds, string inputFeedDocumentId, CancellationToken cancellationToken)
    {
        var operation = feedType == JsonListingsFeed.FeedType ? SpApiOperation.CreateJsonListingsFeed : SpApiOperation.CreateFeed;
        using var response = await SendAsync(
            operation,
            () => new HttpRequestMessage(HttpMethod.Post, FeedsUri("feeds"))
            {
                Content = JsonContent.Create(new { feedType, marketplaceIds, inputFeedDocumentId }, options: SpApiJson.Options),
            },
            cancellationToken).ConfigureAwait(false);
        return (await SpApiResponses.ReadJsonAsync<CreateFeedResponse>(operation, response, cancellationToken).ConfigureAwait(false)).FeedId;
    }

    /// <summary>getFeed. DONE without a result document is outside the model.</summary>
    public async Task<Feed> GetFeedAsync(string feedId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            SpApiOperation.GetFeed, () => new HttpRequestMessage(HttpMethod.Get, FeedsUri($"feeds/{Uri.EscapeDataString(feedId)}")), cancellationToken).ConfigureAwait(false);
        var feed = await SpApiResponses.ReadJsonAsync<Feed>(SpApiOperation.GetFeed, response, cancellationToken).ConfigureAwait(false);
        return feed.ProcessingStatus == ReportProcessingStatus.Done && string.IsNullOrEmpty(feed.ResultFeedDocumentId)
            ? throw new SpApiContractException(SpApiOperation.GetFeed.Name, $"feed {feedId} is DONE but has no resultFeedDocumentId.")
            : feed;
    }

    /// <summary>getFeeds of one type created since <paramref name="createdSince"/>, every page.</summary>
    public async Task<IReadOnlyList<Feed>> GetFeedsAsync(string feedType, DateTimeOffset createdSince, CancellationToken cancellationToken)
    {
        var query = $"feedTypes={Uri.EscapeDataString(feedType)}&pageSize=100&createdSince="
            + Uri.EscapeDataString(createdSince.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var feeds = new List<Feed>();
        while (true)
        {
            var pageQuery = query;
            using var response = await SendAsync(
                SpApiOperation.GetFeeds, () => new HttpRequestMessage(HttpMethod.Get, FeedsUri("feeds?" + pageQuery)), cancellationToken).ConfigureAwait(false);
            var page = await SpApiResponses.ReadJsonAsync<GetFeedsResponse>(SpApiOperation.GetFeeds, response, cancellationToken).ConfigureAwait(false);
            feeds.AddRange(page.Feeds);
            if (string.IsNullOrEmpty(page.NextToken))
            {
                return feeds;
            }

            query = "nextToken=" + Uri.EscapeDataString(page.NextToken);
        }
    }

    /// <summary>getFeedDocument. Its URL expires after 5 minutes: call this right before downloading.</summary>
    public async Task<FeedDocument> GetFeedDocumentAsync(string feedDocumentId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            SpApiOperation.GetFeedDocument,
            () => new HttpRequestMessage(HttpMethod.Get, FeedsUri($"documents/{Uri.EscapeDataString(feedDocumentId)}")),
            cancellationToken).ConfigureAwait(false);
        return CheckUrl(SpApiOperation.GetFeedDocument, await SpApiResponses.ReadJsonAsync<FeedDocument>(SpApiOperation.GetFeedDocument, response, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Downloads and reads a JSON_LISTINGS_FEED processing report (gunzipped when the document says GZIP).</summary>
    public async Task<FeedProcessingReport> ReadProcessingReportAsync(FeedDocument document, CancellationToken cancellationToken)
    {
        using var response = await _transport.DownloadAsync(document.Url, _policy, cancellationToken).ConfigureAwait(false);
        await using var body = _transport.WithDeadlines(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        await using var content = document.IsGzip ? new VerifiedGzipStream(body) : body;
        try
        {
            return await JsonSerializer.DeserializeAsync<FeedProcessingReport>(content, SpApiJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw ReportDocumentException.Permanent($"Feed result document {document.FeedDocumentId} is empty.");
        }
        catch (JsonException e)
        {
            throw ReportDocumentException.Permanent($"Feed result document {document.FeedDocumentId} is not a JSON processing report: {e.Message}", e);
        }
    }

    private static FeedDocument CheckUrl(SpApiOperation operation, FeedDocument document) =>
        document.Url is { IsAbsoluteUri: true, Scheme: "https" or "http" }
            ? document
            : throw new SpApiContractException(operation.Name, $"document {document.FeedDocumentId} has the url '{document.Url}', which is not an absolute http(s) URI.");

    private Task<HttpResponseMessage> SendAsync(SpApiOperation operation, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        _transport.SendAsync(operation, _endpoint, _credentials, _policy, createRequest, cancellationToken);

    private Uri FeedsUri(string relative) => new(_endpoint.ApiBaseUri, FeedsPath + relative);

    private sealed record CreateFeedResponse(string FeedId);

    private sealed record GetFeedsResponse(IReadOnlyList<Feed> Feeds, string? NextToken);
}
