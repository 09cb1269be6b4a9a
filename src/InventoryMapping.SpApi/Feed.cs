namespace InventoryMapping.SpApi;

/// <summary>
/// The Feeds model's <c>Feed</c>. Its <c>processingStatus</c> has the same values as a report's; DONE means "examine
/// the result document" (<see cref="ResultFeedDocumentId"/>), not that every message was applied.
/// </summary>
public sealed record Feed(
    string FeedId,
    string FeedType,
    DateTimeOffset CreatedTime,
    ReportProcessingStatus ProcessingStatus,
    IReadOnlyList<string>? MarketplaceIds = null,
    DateTimeOffset? ProcessingStartTime = null,
    DateTimeOffset? ProcessingEndTime = null,
    string? ResultFeedDocumentId = null);
