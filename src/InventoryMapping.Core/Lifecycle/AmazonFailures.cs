using InventoryMapping.SpApi;

namespace InventoryMapping.Lifecycle;

/// <summary>The one place that turns what went wrong in a step with Amazon into a stored reason and a kind.</summary>
public static class AmazonFailures
{
    /// <summary>
    /// Every exception but the run's own cancellation is a failure of the step, so one channel's trouble never ends a
    /// timer run for the others; exceptions nobody foresaw count as transient (bounded), so a bug shows as a failure.
    /// </summary>
    public static AmazonFailure? Classify(Exception e, CancellationToken runCancellation) => e switch
    {
        OperationCanceledException when runCancellation.IsCancellationRequested => null,
        MarketplaceStepException marketplace => Classify(marketplace.InnerException!, runCancellation) is { } cause
            ? cause with { Reason = $"Marketplace {marketplace.MarketplaceId}: {cause.Reason}" }
            : null,
        // Our own storage failing is not Amazon's failure: the step is not recorded and the run reports it.
        Azure.RequestFailedException => null,
        StepBackOffException backOff => new(backOff.Message, AmazonFailureKind.Deferred, backOff.RetryAfter),
        SpApiRateLimitedException limited => new($"Amazon's rate allowance for {limited.Operation} is spent; trying again in {limited.RetryAfter:g}.", AmazonFailureKind.Deferred, limited.RetryAfter),
        AmazonAccess.ChannelCredentialsMissingException missing => new(missing.Message, AmazonFailureKind.Permanent),
        SpApiAuthorizationException auth => new($"Amazon rejected the channel's credentials ({auth.Error}): re-authorize the channel and update its refresh token.", AmazonFailureKind.Permanent),
        SpApiException api when IsTransient(api) => new($"Amazon is not answering now ({(int)api.StatusCode} {api.Code} on {api.Operation}); trying again.", AmazonFailureKind.Transient),
        SpApiException api => new($"Amazon refused the request: {api.Code}: {api.Error.Message}", AmazonFailureKind.Permanent),
        SpApiContractException contract => new(contract.Message, AmazonFailureKind.Permanent),
        ReportDocumentException document => new(document.Message, document.IsPermanent ? AmazonFailureKind.Permanent : AmazonFailureKind.Transient),
        HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or IOException or OperationCanceledException =>
            new($"Amazon is not reachable now ({e.GetType().Name}: {e.Message}); trying again.", AmazonFailureKind.Transient),
        _ => new($"Unexpected error ({e.GetType().Name}: {e.Message}).", AmazonFailureKind.Transient),
    };

    private static bool IsTransient(SpApiException e) => (int)e.StatusCode is >= 500 or 429;
}
