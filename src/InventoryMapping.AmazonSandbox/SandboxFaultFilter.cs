namespace InventoryMapping.AmazonSandbox;

/// <summary>Counts each request by operation (the endpoint name), adds Amazon's response headers, and plays the fault the control API set for it.</summary>
internal sealed class SandboxFaultFilter(SandboxControl control) : IEndpointFilter
{
    public static string OperationOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "unknown";

    /// <summary>The fault the endpoint itself must play on this request, if any.</summary>
    public static SandboxFaultKind? PlayedBy(HttpContext http) => (http.Items[typeof(SandboxFault)] as SandboxFault)?.Kind;

    private string? SellerOf(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("documentId", out var documentId) && documentId is string id
            ? control.SellerOfDocument(id)
            : control.SellerOfAccessToken(http.Request.Headers["x-amz-access-token"].ToString()).SellerId;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var operation = OperationOf(http);
        control.CountRequest(operation);
        http.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (SandboxRateLimitFilter.LimitHeader(operation) is { } limit)
        {
            http.Response.Headers["x-amzn-RateLimit-Limit"] = limit;
        }

        switch (control.TakeFault(operation, SellerOf(http)))
        {
            case null:
                break;
            case { Kind: SandboxFaultKind.RelativeDocumentUrl or SandboxFaultKind.MissingDocumentId or SandboxFaultKind.UnknownStatus
                or SandboxFaultKind.TruncatedBody or SandboxFaultKind.StalledBody or SandboxFaultKind.CreatedThenInternalError } played:
                http.Items[typeof(SandboxFault)] = played; // the endpoint plays it
                break;
            case { Kind: SandboxFaultKind.Slow } slow:
                await Task.Delay(slow.Delay ?? TimeSpan.FromMinutes(1), control.Clock, http.RequestAborted);
                break;
            case { Kind: SandboxFaultKind.Throttle }:
                return SandboxResults.Errors(StatusCodes.Status429TooManyRequests, "QuotaExceeded", "You exceeded your quota for the requested resource.");
            case { Kind: SandboxFaultKind.InternalError }:
                return SandboxResults.Errors(StatusCodes.Status500InternalServerError, "InternalFailure", "We encountered an internal error. Please try again.");
            case { Kind: SandboxFaultKind.Unavailable }:
                return SandboxResults.Errors(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "Service temporarily unavailable.");
            case { Kind: SandboxFaultKind.ExpiredUrl }:
                return SandboxResults.S3(StatusCodes.Status403Forbidden, "AccessDenied", "Request has expired");
        }

        return await next(context);
    }
}
