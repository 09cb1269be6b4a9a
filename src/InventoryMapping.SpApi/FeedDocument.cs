namespace InventoryMapping.SpApi;

/// <summary>
/// The Feeds model's <c>FeedDocument</c> (getFeedDocument) or <c>CreateFeedDocumentResponse</c> (createFeedDocument, no
/// compression): a pre-signed <see cref="Url"/> valid for 5 minutes.
/// </summary>
public sealed record FeedDocument(string FeedDocumentId, Uri Url, string? CompressionAlgorithm = null)
{
    public bool IsGzip => string.Equals(CompressionAlgorithm, "GZIP", StringComparison.OrdinalIgnoreCase);
}
