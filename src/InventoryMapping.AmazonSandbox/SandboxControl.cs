using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace InventoryMapping.AmazonSandbox;

/// <summary>The sandbox's state and its controls: catalogues per seller, faults, how reports end, how documents are written, request counts.</summary>
public sealed class SandboxControl
{
    private readonly Lock _lock = new();
    private readonly SandboxOptions _options;
    private readonly ConcurrentDictionary<string, string> _sellerByRefreshToken = new();
    private readonly ConcurrentDictionary<string, SandboxCatalogue> _catalogues = new();
    private readonly ConcurrentDictionary<string, (string SellerId, DateTimeOffset ExpiresAt)> _accessTokens = new();
    private readonly ConcurrentDictionary<string, SandboxReport> _reports = new();
    private readonly ConcurrentDictionary<string, SandboxReport> _documents = new();
    private readonly ConcurrentDictionary<string, (string DocumentId, DateTimeOffset ExpiresAt)> _downloadTokens = new();
    private readonly ConcurrentDictionary<string, int> _requestCounts = new();
    private readonly ConcurrentDictionary<string, int> _throttledCounts = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<SandboxReport>> _pages = new();
    private readonly List<(SandboxFault Fault, int? Remaining)> _faults = [];
    private int _partialBodiesSent;
    private readonly ConcurrentDictionary<(string SellerId, string MarketplaceId), SandboxCatalogue> _marketplaceCatalogues = new();
    private readonly ConcurrentDictionary<string, SandboxReportOutcome> _marketplaceOutcomes = new();
    private readonly ConcurrentQueue<SandboxCreateReportCall> _createReportCalls = new();
    private int _lastReportId = 50_000;
    private int _lastFeedId = 70_000;
    private readonly ConcurrentDictionary<string, SandboxFeedDocument> _feedDocuments = new();
    private readonly ConcurrentDictionary<string, SandboxFeed> _feeds = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SandboxReceivedQuantity>> _received = new();

    public SandboxControl(SandboxOptions options, TimeProvider clock)
    {
        _options = options;
        Clock = clock;
        DocumentFormat = options.DocumentFormat;
        ReportOutcome = options.ReportOutcome;
        FeedOutcome = options.FeedOutcome;
        foreach (var seller in options.Sellers is { Count: > 0 } sellers ? sellers : [new SandboxSeller()])
        {
            AddSeller(seller.SellerId, seller.RefreshToken);
            ReplaceCatalogue(
                seller.SellerId,
                seller.SeedFile is { Length: > 0 } seed ? ListingsSeedFile.Read(seed) : SandboxCatalogue.Generated(seller.GeneratedListings, options.GeneratorSeed));
        }

        foreach (var fault in options.Faults)
        {
            AddFault(fault);
        }
    }

    public TimeProvider Clock { get; }

    public SandboxOptions Options => _options;

    /// <summary>How documents of reports created from now on are written.</summary>
    public SandboxDocumentFormat DocumentFormat { get; set; }

    /// <summary>How reports created from now on end.</summary>
    public SandboxReportOutcome ReportOutcome { get; set; }

    /// <summary>How feeds created from now on end.</summary>
    public SandboxReportOutcome FeedOutcome { get; set; }

    /// <summary>Every quantity applied to the seller's SKUs so far, in order (feed messages when their feed is processed, ACCEPTED patches at once).</summary>
    public IReadOnlyList<SandboxReceivedQuantity> Received(string sellerId) => _received.TryGetValue(sellerId, out var all) ? [.. all] : [];

    /// <summary>The quantity each SKU has now, by what was received last.</summary>
    public IReadOnlyDictionary<string, int> Quantities(string sellerId) =>
        Received(sellerId).GroupBy(r => r.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Quantity, StringComparer.Ordinal);

    /// <summary>Feeds created so far (all sellers), oldest first.</summary>
    public int FeedCount => _feeds.Count;

    /// <summary>The seller's feeds so far, oldest first, with the time Amazon created each (benchmarks time the rate limits with it).</summary>
    public IReadOnlyList<SandboxCreatedFeed> CreatedFeeds(string sellerId) =>
        [.. FeedsOf(sellerId).Reverse().Select(f => new SandboxCreatedFeed(f.FeedId, f.FeedType, f.CreatedTime))];

    internal void Receive(string sellerId, SandboxReceivedQuantity quantity) =>
        _received.GetOrAdd(sellerId, _ => new ConcurrentQueue<SandboxReceivedQuantity>()).Enqueue(quantity);

    internal SandboxFeedDocument CreateFeedDocument(string sellerId, string contentType)
    {
        var document = new SandboxFeedDocument("amzn1.tortuga.4.eu." + Guid.NewGuid().ToString("D"), sellerId, contentType, Clock.GetUtcNow() + _options.DocumentUrlLifetime);
        _feedDocuments[document.DocumentId] = document;
        return document;
    }

    internal SandboxFeedDocument? FindFeedDocument(string documentId) => _feedDocuments.GetValueOrDefault(documentId);

    internal SandboxFeed CreateFeed(string sellerId, string feedType, IReadOnlyList<string> marketplaceIds, SandboxFeedDocument input)
    {
        var feed = new SandboxFeed(
            Interlocked.Increment(ref _lastFeedId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            sellerId,
            feedType,
            marketplaceIds,
            input,
            WholeSeconds(Clock.GetUtcNow()),
            FeedOutcome,
            _options.FeedQueueDelay,
            _options.FeedProcessingDelay);
        _feeds[feed.FeedId] = feed;
        return feed;
    }

    internal SandboxFeed? FindFeed(string sellerId, string feedId) => _feeds.TryGetValue(feedId, out var feed) && feed.SellerId == sellerId ? feed : null;

    /// <summary>The seller's feeds, newest first.</summary>
    internal IEnumerable<SandboxFeed> FeedsOf(string sellerId) =>
        _feeds.Values.Where(f => f.SellerId == sellerId).OrderByDescending(f => f.CreatedTime).ThenByDescending(f => f.FeedId, StringComparer.Ordinal);

    internal IEnumerable<SandboxFeed> FeedsOfAnySeller() => _feeds.Values;

    /// <summary>The processed feed whose result document this is.</summary>
    internal SandboxFeed? FeedOfResult(string sellerId, string documentId) =>
        _feeds.Values.FirstOrDefault(f => f.SellerId == sellerId && f.Result?.DocumentId == documentId);

    /// <summary>A pre-signed-style token for a feed's upload or result document, valid for <see cref="SandboxOptions.DocumentUrlLifetime"/>.</summary>
    internal string IssueFeedToken(string documentId)
    {
        var token = RandomToken();
        _downloadTokens[token] = (documentId, Clock.GetUtcNow() + _options.DocumentUrlLifetime);
        return token;
    }

    /// <summary>Whether <paramref name="token"/> was issued for <paramref name="documentId"/> (and whether it expired).</summary>
    internal (bool Valid, bool Expired) RedeemFeedToken(string documentId, string? token) =>
        token is null || !_downloadTokens.TryGetValue(token, out var issued) || issued.DocumentId != documentId
            ? (false, false)
            : issued.ExpiresAt <= Clock.GetUtcNow() ? (false, true) : (true, false);

    public void AddSeller(string sellerId, string refreshToken)
    {
        _sellerByRefreshToken[refreshToken] = sellerId;
        _catalogues.TryAdd(sellerId, SandboxCatalogue.Empty);
    }

    /// <summary>Replaces what the seller lists; reports already created keep the catalogue they were created with.</summary>
    public void ReplaceCatalogue(string sellerId, SandboxCatalogue catalogue) => _catalogues[sellerId] = catalogue;

    /// <summary>
    /// What the seller lists in one marketplace: a report for that marketplace alone is made from it (others, and
    /// reports naming several marketplaces, from the seller's catalogue).
    /// </summary>
    public void ReplaceCatalogue(string sellerId, string marketplaceId, SandboxCatalogue catalogue) => _marketplaceCatalogues[(sellerId, marketplaceId)] = catalogue;

    /// <summary>How reports for <paramref name="marketplaceId"/> created from now on end (over <see cref="ReportOutcome"/>).</summary>
    public void SetReportOutcome(string marketplaceId, SandboxReportOutcome outcome) => _marketplaceOutcomes[marketplaceId] = outcome;

    /// <summary>Every createReport accepted so far, in order, with its body.</summary>
    public IReadOnlyList<SandboxCreateReportCall> CreateReportCalls => [.. _createReportCalls];

    public SandboxCatalogue Catalogue(string sellerId) => _catalogues.GetValueOrDefault(sellerId, SandboxCatalogue.Empty);

    public void AddFault(SandboxFault fault)
    {
        lock (_lock)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    public void ClearFaults()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    /// <summary>Document bodies cut in half by a TruncatedBody or StalledBody fault, counted once the half is sent.</summary>
    public int PartialBodiesSent => Volatile.Read(ref _partialBodiesSent);

    internal void CountPartialBody() => Interlocked.Increment(ref _partialBodiesSent);

    /// <summary>Requests seen per operation (<c>token</c>, <c>createReport</c>, ..., <c>download</c>), faulted ones included.</summary>
    public int RequestCount(string operation) => _requestCounts.GetValueOrDefault(operation);

    public IReadOnlyDictionary<string, int> RequestCounts() => new Dictionary<string, int>(_requestCounts);

    /// <summary>Requests of <paramref name="operation"/> refused because the seller's rate limit was exceeded (not injected faults).</summary>
    public int ThrottledCount(string operation) => _throttledCounts.GetValueOrDefault(operation);

    internal void CountThrottled(string operation) => _throttledCounts.AddOrUpdate(operation, 1, static (_, n) => n + 1);

    internal void CountRequest(string operation) => _requestCounts.AddOrUpdate(operation, 1, static (_, n) => n + 1);

    /// <summary>The first fault rule that applies to <paramref name="operation"/>, using up one of its times.</summary>
    internal SandboxFault? TakeFault(string operation, string? sellerId = null)
    {
        lock (_lock)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, remaining) = _faults[i];
                if ((fault.Operation != "*" && !string.Equals(fault.Operation, operation, StringComparison.OrdinalIgnoreCase))
                    || (fault.SellerId is not null && fault.SellerId != sellerId))
                {
                    continue;
                }

                if (remaining is 1)
                {
                    _faults.RemoveAt(i);
                }
                else if (remaining is not null)
                {
                    _faults[i] = (fault, remaining - 1);
                }

                return fault;
            }

            return null;
        }
    }

    internal string? SellerOfRefreshToken(string refreshToken) => _sellerByRefreshToken.GetValueOrDefault(refreshToken);

    internal string IssueAccessToken(string sellerId)
    {
        var token = "Atza|" + RandomToken();
        _accessTokens[token] = (sellerId, Clock.GetUtcNow() + _options.AccessTokenLifetime);
        return token;
    }

    /// <summary>The seller an access token was issued for, or why it is refused.</summary>
    internal (string? SellerId, string? Refusal) SellerOfAccessToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, "Access token is missing in the request header.");
        }

        if (!_accessTokens.TryGetValue(token, out var issued))
        {
            return (null, "The access token you provided is revoked, malformed or invalid.");
        }

        return issued.ExpiresAt <= Clock.GetUtcNow() ? (null, "The access token you provided has expired.") : (issued.SellerId, null);
    }

    internal SandboxReport CreateReport(string sellerId, string reportType, IReadOnlyList<string> marketplaceIds, string body)
    {
        _createReportCalls.Enqueue(new SandboxCreateReportCall(sellerId, reportType, marketplaceIds, body));
        var single = marketplaceIds.Count == 1 ? marketplaceIds[0] : null;
        var report = new SandboxReport(
            Interlocked.Increment(ref _lastReportId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            sellerId,
            reportType,
            marketplaceIds,
            WholeSeconds(Clock.GetUtcNow()),
            single is not null && _marketplaceOutcomes.TryGetValue(single, out var outcome) ? outcome : ReportOutcome,
            single is not null && _marketplaceCatalogues.TryGetValue((sellerId, single), out var catalogue) ? catalogue : Catalogue(sellerId),
            DocumentFormat,
            _options.QueueDelay,
            _options.ProcessingDelay);
        _reports[report.ReportId] = report;
        _documents[report.DocumentId] = report;
        return report;
    }

    internal SandboxReport? FindReport(string sellerId, string reportId) =>
        _reports.TryGetValue(reportId, out var report) && report.SellerId == sellerId ? report : null;

    /// <summary>The seller's reports, newest first.</summary>
    internal IEnumerable<SandboxReport> ReportsOf(string sellerId) =>
        _reports.Values.Where(r => r.SellerId == sellerId).OrderByDescending(r => r.CreatedTime).ThenByDescending(r => r.ReportId, StringComparer.Ordinal);

    /// <summary>Keeps the rest of a getReports result for its nextToken.</summary>
    internal string SavePage(IReadOnlyList<SandboxReport> rest)
    {
        var token = RandomToken();
        _pages[token] = rest;
        return token;
    }

    internal IReadOnlyList<SandboxReport>? TakePage(string token) => _pages.TryRemove(token, out var rest) ? rest : null;

    internal SandboxReport? FindDocument(string sellerId, string documentId) =>
        _documents.TryGetValue(documentId, out var report) && report.SellerId == sellerId && report.HasDocument(Clock.GetUtcNow()) ? report : null;

    /// <summary>The seller a document belongs to (to match a download against a seller's faults).</summary>
    internal string? SellerOfDocument(string documentId) => _documents.TryGetValue(documentId, out var report) ? report.SellerId : null;

    /// <summary>A pre-signed-style download token: valid for <see cref="SandboxOptions.DocumentUrlLifetime"/>, no access token needed.</summary>
    internal string IssueDownloadToken(SandboxReport report)
    {
        var token = RandomToken();
        _downloadTokens[token] = (report.DocumentId, Clock.GetUtcNow() + _options.DocumentUrlLifetime);
        return token;
    }

    internal (SandboxReport? Report, bool Expired) RedeemDownloadToken(string documentId, string? token)
    {
        if (token is null || !_downloadTokens.TryGetValue(token, out var issued) || issued.DocumentId != documentId)
        {
            return (null, false);
        }

        return issued.ExpiresAt <= Clock.GetUtcNow() ? (null, true) : (_documents.GetValueOrDefault(documentId), false);
    }

    /// <summary>Invalidates every access token issued so far, as a revocation or clock skew would; refresh tokens stay valid.</summary>
    public void RevokeAccessTokens() => _accessTokens.Clear();

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    private static string RandomToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
