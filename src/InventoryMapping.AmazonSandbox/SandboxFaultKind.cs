namespace InventoryMapping.AmazonSandbox;

public enum SandboxFaultKind
{
    /// <summary>429 QuotaExceeded with <c>x-amzn-RateLimit-Limit</c>.</summary>
    Throttle,

    /// <summary>500 InternalFailure.</summary>
    InternalError,

    /// <summary>503 ServiceUnavailable.</summary>
    Unavailable,

    /// <summary>Answer normally after <see cref="SandboxFault.Delay"/> (on the sandbox's clock).</summary>
    Slow,

    /// <summary>On a document download: 403 "Request has expired", as S3 answers a stale pre-signed URL.</summary>
    ExpiredUrl,
}
