namespace InventoryMapping.SpApi;

/// <summary>Retry and timeout settings of the SP-API client. Rate limits are Amazon's documented ones and not configurable.</summary>
public sealed class SpApiClientOptions
{
    public const string Section = "SpApi";

    /// <summary>Retries after the first attempt for 429, 500, 502, 503, 504, timeouts and connection failures.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First back-off; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt may take until the response headers arrive (a document body then streams without it).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The access token is renewed this long before Amazon says it expires.</summary>
    public TimeSpan AccessTokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
}
