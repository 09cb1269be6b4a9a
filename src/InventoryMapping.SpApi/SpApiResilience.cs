using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace InventoryMapping.SpApi;

/// <summary>Retry with exponential back-off and jitter around a per-attempt timeout; both run on the injected clock.</summary>
internal sealed partial class SpApiResilience
{
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly bool _retries;
    private readonly ResiliencePipeline _attemptTimeout;

    public SpApiResilience(IOptions<SpApiOptions> options, TimeProvider clock, ILogger<SpApiResilience> logger)
    {
        var settings = options.Value;
        _retries = settings.MaxRetryAttempts > 0;
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddTimeout(settings.AttemptTimeout)
            .Build();
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(static response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = Math.Max(1, settings.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                OnRetry = args =>
                {
                    LogRetry(
                        logger,
                        args.Context.OperationKey,
                        args.Outcome.Result is { } response ? (int)response.StatusCode : null,
                        args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Runs <paramref name="attempt"/> until it gives a non-transient response or the retries are spent; the last
    /// response is returned as is. <paramref name="retry"/> false: one attempt.
    /// </summary>
    public async Task<HttpResponseMessage> ExecuteAsync(
        string operation,
        Func<CancellationToken, Task<HttpResponseMessage>> attempt,
        CancellationToken cancellationToken,
        bool retry = true)
    {
        if (!retry || !_retries)
        {
            return await attempt(cancellationToken).ConfigureAwait(false);
        }


        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await _retry.ExecuteAsync(
                static async (ctx, attempt) => await attempt(ctx.CancellationToken).ConfigureAwait(false),
                context,
                attempt).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sends within the attempt timeout; the timeout covers the response headers, not a streamed body.</summary>
    public Task<HttpResponseMessage> WithinAttemptTimeoutAsync(
        HttpClient http,
        HttpRequestMessage request,
        CancellationToken cancellationToken) =>
        _attemptTimeout.ExecuteAsync(
            static async (state, ct) => await state.http.SendAsync(state.request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false),
            (http, request),
            cancellationToken).AsTask();

    [LoggerMessage(Level = LogLevel.Warning, Message = "SP-API {Operation}: retry {Attempt} in {Delay} after status {Status} {Exception}")]
    private static partial void LogRetry(ILogger logger, string? operation, int? status, string? exception, int attempt, TimeSpan delay);
}
