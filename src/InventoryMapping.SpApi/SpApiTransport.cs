using System.Net;

namespace InventoryMapping.SpApi;

/// <summary>Sends one SP-API call: rate limit, access token, per-attempt timeout, retry of transient failures, Amazon errors as <see cref="SpApiException"/>.</summary>
internal sealed class SpApiTransport(
    IHttpClientFactory httpClients,
    LwaAccessTokens accessTokens,
    SpApiRateLimiters rateLimiters,
    SpApiResilience resilience,
    Microsoft.Extensions.Options.IOptions<SpApiOptions> options,
    TimeProvider clock)
{
    /// <summary>A downloaded body under the idle and total deadlines of <see cref="SpApiOptions"/>.</summary>
    public Stream WithDeadlines(Stream body) =>
        new DownloadDeadlineStream(body, options.Value.DownloadIdleTimeout, options.Value.DownloadTotalTimeout, clock);

    public const string HttpClientName = "InventoryMapping.SpApi";

    public async Task<HttpResponseMessage> SendAsync(
        SpApiOperation operation,
        SpApiEndpoint endpoint,
        SpApiCredentials credentials,
        SpApiCallPolicy policy,
        Func<HttpRequestMessage> createRequest,
        CancellationToken cancellationToken)
    {
        using var activity = SpApiTelemetry.Source.StartActivity("SpApi " + operation.Name, System.Diagnostics.ActivityKind.Client);
        var response = await SendWithRetriesAsync(operation, endpoint, credentials, policy, createRequest, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            // A cached access token Amazon no longer accepts (revoked, clock skew): once more with a fresh one.
            response.Dispose();
            response = await SendWithRetriesAsync(operation, endpoint, credentials, policy, createRequest, cancellationToken).ConfigureAwait(false);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await SpApiErrors.ToExceptionAsync(operation.Name, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<HttpResponseMessage> SendWithRetriesAsync(
        SpApiOperation operation,
        SpApiEndpoint endpoint,
        SpApiCredentials credentials,
        SpApiCallPolicy policy,
        Func<HttpRequestMessage> createRequest,
        CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var bucket = rateLimiters.For(operation, endpoint, credentials);
        var second = operation.AlsoMeteredBy is { } also ? rateLimiters.For(also, endpoint, credentials) : null;
        return resilience.ExecuteAsync(
            operation.Name,
            async ct =>
            {
                await bucket.TakeAsync(operation.Name, policy.MaxRateLimitWait, ct).ConfigureAwait(false);
                if (second is not null)
                {
                    await second.TakeAsync(operation.AlsoMeteredBy!.Name, policy.MaxRateLimitWait, ct).ConfigureAwait(false);
                }

                var accessToken = await accessTokens.GetAsync(endpoint, credentials, policy, ct).ConfigureAwait(false);
                using var request = createRequest();
                request.Headers.Add("x-amz-access-token", accessToken);
                var attempt = await resilience.WithinAttemptTimeoutAsync(http, request, ct).ConfigureAwait(false);
                if (attempt.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // Which of the two Amazon ran out of it does not say: both wait.
                    bucket.Drain();
                    second?.Drain();
                }
                else if (attempt.StatusCode == HttpStatusCode.Forbidden)
                {
                    accessTokens.Forget(endpoint, credentials);
                }

                return attempt;
            },
            cancellationToken,
            policy.Retry);
    }

    /// <summary>Uploads a feed document to its pre-signed URL with exactly the Content-Type it was created for: no access token, no rate limit, the same retry and timeout.</summary>
    public async Task UploadAsync(Uri url, string contentType, ReadOnlyMemory<byte> body, SpApiCallPolicy policy, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await resilience.ExecuteAsync(
            "uploadFeedDocument",
            async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ReadOnlyMemoryContent(body) };
                // Set without parsing: the URL is signed over the exact text.
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                return await resilience.WithinAttemptTimeoutAsync(http, request, ct).ConfigureAwait(false);
            },
            cancellationToken,
            policy.Retry).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            // A refused upload (expired URL, wrong Content-Type) is retried with a new feed document.
            throw new ReportDocumentException($"Uploading the feed document failed with {(int)response.StatusCode} {response.ReasonPhrase}: {text[..Math.Min(text.Length, 500)]}");
        }
    }

    /// <summary>Downloads a pre-signed document URL: no access token and no rate limit, but the same retry and timeout.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(Uri url, SpApiCallPolicy policy, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var response = await resilience.ExecuteAsync(
            "downloadReportDocument",
            async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                return await resilience.WithinAttemptTimeoutAsync(http, request, ct).ConfigureAwait(false);
            },
            cancellationToken,
            policy.Retry).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ReportDocumentException(
                $"Downloading the report document failed with {(int)response.StatusCode} {response.ReasonPhrase}: {body[..Math.Min(body.Length, 500)]} " +
                "(the URL expires 5 minutes after getReportDocument; ask for a new one)");
        }
    }
}
