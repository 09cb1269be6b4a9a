namespace InventoryMapping.AmazonSandbox;

/// <summary>A feed as the sandbox keeps it: its status follows from the clock; its messages are applied once, when it is first seen DONE.</summary>
internal sealed class SandboxFeed(
    string feedId,
    string sellerId,
    string feedType,
    IReadOnlyList<string> marketplaceIds,
    SandboxFeedDocument input,
    DateTimeOffset createdTime,
    SandboxReportOutcome outcome,
    TimeSpan queueDelay,
    TimeSpan processingDelay)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _cancelledAt;

    public string FeedId => feedId;

    public string SellerId => sellerId;

    public string FeedType => feedType;

    public DateTimeOffset CreatedTime => createdTime;

    public SandboxFeedDocument Input => input;

    /// <summary>The processing report's document id and JSON, once processed.</summary>
    public (string DocumentId, string Json)? Result { get; private set; }

    public string Status(DateTimeOffset now)
    {
        if (_cancelledAt is not null)
        {
            return "CANCELLED";
        }

        if (outcome == SandboxReportOutcome.StuckInQueue || now < createdTime + queueDelay)
        {
            return "IN_QUEUE";
        }

        if (now < createdTime + queueDelay + processingDelay || outcome == SandboxReportOutcome.StuckInProgress)
        {
            return "IN_PROGRESS";
        }

        return outcome switch
        {
            SandboxReportOutcome.Fatal or SandboxReportOutcome.FatalWithErrorDocument => "FATAL",
            SandboxReportOutcome.Cancelled => "CANCELLED",
            _ => "DONE",
        };
    }

    public bool TryCancel(DateTimeOffset now)
    {
        if (Status(now) != "IN_QUEUE")
        {
            return false;
        }

        _cancelledAt = now;
        return true;
    }

    /// <summary>Processes the feed once (the first caller that sees it DONE); later callers get the same result.</summary>
    public (string DocumentId, string Json) Process(Func<SandboxFeed, string> process)
    {
        lock (_lock)
        {
            Result ??= ("amzn1.tortuga.4.eu." + Guid.NewGuid().ToString("D"), process(this));
            return Result.Value;
        }
    }

    /// <summary>The model's <c>Feed</c>, field names exact.</summary>
    public object ToJson(DateTimeOffset now)
    {
        var status = Status(now);
        var started = status is not "IN_QUEUE" && _cancelledAt is null;
        var ended = status is "DONE" or "FATAL" or "CANCELLED";
        return new FeedJson(
            feedId,
            feedType,
            marketplaceIds,
            createdTime,
            status,
            started ? createdTime + queueDelay : null,
            ended ? _cancelledAt ?? createdTime + queueDelay + processingDelay : null,
            status == "DONE" ? Result?.DocumentId : null);
    }

    private sealed record FeedJson(
        string FeedId,
        string FeedType,
        IReadOnlyList<string> MarketplaceIds,
        DateTimeOffset CreatedTime,
        string ProcessingStatus,
        DateTimeOffset? ProcessingStartTime,
        DateTimeOffset? ProcessingEndTime,
        string? ResultFeedDocumentId);
}
