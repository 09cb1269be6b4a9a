namespace InventoryMapping.SpApi;

/// <summary>
/// The JSON processing report of a JSON_LISTINGS_FEED (its result document): per-message issues and a summary. A
/// message succeeded when it has no issue of severity ERROR.
/// </summary>
public sealed record FeedProcessingReport(FeedProcessingReport.ReportHeader? Header, IReadOnlyList<FeedProcessingReport.Issue>? Issues, FeedProcessingReport.ReportSummary? Summary)
{
    public sealed record ReportHeader(string? SellerId, string? Version, string? FeedId);

    public sealed record Issue(int MessageId, string? Code, string? Severity, string? Message, string? Sku = null, string? AttributeName = null)
    {
        public bool IsError => string.Equals(Severity, "ERROR", StringComparison.OrdinalIgnoreCase);
    }

    public sealed record ReportSummary(int Errors, int Warnings, int MessagesProcessed, int MessagesAccepted, int MessagesInvalid);

    /// <summary>The first ERROR issue of each message that has one.</summary>
    public IReadOnlyDictionary<int, Issue> ErrorsByMessage() =>
        (Issues ?? []).Where(i => i.IsError).GroupBy(i => i.MessageId).ToDictionary(g => g.Key, g => g.First());
}
