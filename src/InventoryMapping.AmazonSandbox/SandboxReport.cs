namespace InventoryMapping.AmazonSandbox;

/// <summary>A report as the sandbox keeps it: its status follows from the clock, its content is the catalogue at creation.</summary>
internal sealed class SandboxReport(
    string reportId,
    string sellerId,
    string reportType,
    IReadOnlyList<string> marketplaceIds,
    DateTimeOffset createdTime,
    SandboxReportOutcome outcome,
    SandboxCatalogue content,
    SandboxDocumentFormat format,
    TimeSpan queueDelay,
    TimeSpan processingDelay)
{
    private DateTimeOffset? _cancelledAt;

    public string ReportId => reportId;

    public string SellerId => sellerId;

    public string ReportType => reportType;

    public DateTimeOffset CreatedTime => createdTime;

    public string DocumentId { get; } = "amzn1.spdoc.1.4.eu." + Guid.NewGuid().ToString("D");

    public SandboxCatalogue Content => content;

    public SandboxDocumentFormat Format => format;

    public string Status(DateTimeOffset now)
    {
        if (_cancelledAt is not null)
        {
            return "CANCELLED";
        }

        if (outcome == SandboxReportOutcome.StuckInQueue || now < ProcessingStart)
        {
            return "IN_QUEUE";
        }

        if (now < ProcessingEnd || outcome == SandboxReportOutcome.StuckInProgress)
        {
            return "IN_PROGRESS";
        }

        // Amazon cancels a report by itself when there is no data to return.
        return outcome switch
        {
            SandboxReportOutcome.Fatal or SandboxReportOutcome.FatalWithErrorDocument => "FATAL",
            SandboxReportOutcome.Cancelled => "CANCELLED",
            _ when content.Count == 0 => "CANCELLED",
            _ => "DONE",
        };
    }

    /// <summary>DONE, or FATAL with an error document.</summary>
    public bool HasDocument(DateTimeOffset now) => Status(now) switch
    {
        "DONE" => true,
        "FATAL" => outcome == SandboxReportOutcome.FatalWithErrorDocument,
        _ => false,
    };

    /// <summary>The error document's text of a <see cref="SandboxReportOutcome.FatalWithErrorDocument"/> report.</summary>
    public bool IsErrorDocument => outcome == SandboxReportOutcome.FatalWithErrorDocument;

    public const string ErrorDocumentText = "{\"errorDetails\":\"The report could not be generated: too many listings changed while it ran.\"}";

    /// <summary>cancelReport: only a report still IN_QUEUE can be cancelled.</summary>
    public bool TryCancel(DateTimeOffset now)
    {
        if (Status(now) != "IN_QUEUE")
        {
            return false;
        }

        _cancelledAt = now;
        return true;
    }

    /// <summary>The model's <c>Report</c>, field names exact.</summary>
    public object ToJson(DateTimeOffset now)
    {
        var status = Status(now);
        var started = status is not "IN_QUEUE" && _cancelledAt is null;
        var ended = status is "DONE" or "FATAL" or "CANCELLED";
        return new ReportJson(
            reportId,
            reportType,
            createdTime,
            status,
            marketplaceIds,
            started ? ProcessingStart : null,
            ended ? _cancelledAt ?? ProcessingEnd : null,
            HasDocument(now) ? DocumentId : null);
    }

    private DateTimeOffset ProcessingStart => createdTime + queueDelay;

    private DateTimeOffset ProcessingEnd => ProcessingStart + processingDelay;

    private sealed record ReportJson(
        string ReportId,
        string ReportType,
        DateTimeOffset CreatedTime,
        string ProcessingStatus,
        IReadOnlyList<string> MarketplaceIds,
        DateTimeOffset? ProcessingStartTime,
        DateTimeOffset? ProcessingEndTime,
        string? ReportDocumentId);
}
