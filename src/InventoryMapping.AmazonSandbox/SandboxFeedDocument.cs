namespace InventoryMapping.AmazonSandbox;

/// <summary>A feed document: created for one Content-Type, uploaded once (or again) before its URL expires.</summary>
internal sealed class SandboxFeedDocument(string documentId, string sellerId, string contentType, DateTimeOffset expiresAt)
{
    public string DocumentId => documentId;

    public string SellerId => sellerId;

    public string ContentType => contentType;

    public DateTimeOffset ExpiresAt => expiresAt;

    public byte[]? Content { get; set; }
}
