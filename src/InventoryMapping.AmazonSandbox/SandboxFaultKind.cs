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

    /// <summary>On getReportDocument: a <c>url</c> that is not an absolute URI.</summary>
    RelativeDocumentUrl,

    /// <summary>On getReport: a DONE report without <c>reportDocumentId</c>.</summary>
    MissingDocumentId,

    /// <summary>On getReport: a <c>processingStatus</c> the model's enum does not have.</summary>
    UnknownStatus,

    /// <summary>On a document download: half the body, then the connection ends (a declared length never reached).</summary>
    TruncatedBody,

    /// <summary>On a document download: half the body, then nothing until the client gives up.</summary>
    StalledBody,

    /// <summary>On createReport: the report is created, then the answer is a 500, as when Amazon fails after acting.</summary>
    CreatedThenInternalError,
}
