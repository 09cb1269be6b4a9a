namespace InventoryMapping.SpApi;

/// <summary>
/// Everything configurable about talking to Amazon, bound once from the <c>SpApi</c> section and validated at start:
/// the regional endpoints, the Login with Amazon token endpoint, retry, timeouts. Rate limits are Amazon's
/// documented ones and not configurable. Credentials are not here: they come per seller with each client.
/// </summary>
public sealed class SpApiOptions
{
    public const string Section = "SpApi";

    /// <summary>SP-API hosts by region (<c>SpApi:Endpoints:NA|EU|FE</c>); Amazon's production hosts unless set.</summary>
    public SpApiRegionEndpoints Endpoints { get; set; } = new();

    /// <summary>Login with Amazon's token endpoint, one for every region.</summary>
    public Uri TokenEndpoint { get; set; } = SpApiEndpoint.LwaTokenUri;

    /// <summary>Retries after the first attempt for 429, 500, 502, 503, 504, timeouts and connection failures.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First back-off; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt may take until the response headers arrive (a document body then streams without it).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A document download that delivers no byte for this long is abandoned.</summary>
    public TimeSpan DownloadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A document download may take this long in all, however steadily it trickles.</summary>
    public TimeSpan DownloadTotalTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The access token is renewed this long before Amazon says it expires.</summary>
    public TimeSpan AccessTokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The endpoint of <paramref name="region"/> (<c>NA</c>, <c>EU</c> or <c>FE</c>).</summary>
    public SpApiEndpoint EndpointFor(string region) => new(Endpoints.For(region), TokenEndpoint);

    /// <summary>What is wrong with these settings, or nothing.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, uri) in new[] { ("Endpoints:NA", Endpoints.NA), ("Endpoints:EU", Endpoints.EU), ("Endpoints:FE", Endpoints.FE), ("TokenEndpoint", TokenEndpoint) })
        {
            if (uri is null || !uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http"))
            {
                yield return $"{Section}:{name} must be an absolute http(s) URI.";
            }
        }

        if (MaxRetryAttempts is < 0 or > 20)
        {
            yield return $"{Section}:MaxRetryAttempts must be between 0 and 20.";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(RetryBaseDelay), RetryBaseDelay), (nameof(RetryMaxDelay), RetryMaxDelay), (nameof(AttemptTimeout), AttemptTimeout),
            (nameof(DownloadIdleTimeout), DownloadIdleTimeout), (nameof(DownloadTotalTimeout), DownloadTotalTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{name} must be positive.";
            }
        }

        if (AccessTokenRefreshMargin < TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(AccessTokenRefreshMargin)} must not be negative.";
        }
    }
}
