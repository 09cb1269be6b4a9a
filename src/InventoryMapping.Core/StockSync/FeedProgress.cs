namespace InventoryMapping.StockSync;

/// <summary>
/// One feed of a submission, step by step, each recorded before the next: the document, its upload, the createFeed
/// attempt (recorded before the call, so a crash after it is recovered with getFeeds instead of a second feed), the
/// feed id, and whether its processing report is on the listings.
/// </summary>
public sealed record FeedProgress(int First, int Count)
{
    public string? DocumentId { get; set; }

    public Uri? UploadUrl { get; set; }

    public DateTimeOffset? DocumentCreatedAt { get; set; }

    public bool Uploaded { get; set; }

    public DateTimeOffset? CreateAttemptedAt { get; set; }

    public string? FeedId { get; set; }

    /// <summary>Amazon's final processingStatus once applied (DONE, FATAL, CANCELLED).</summary>
    public string? Outcome { get; set; }

    /// <summary>Its messages Amazon applied, and those it refused (or all of them, given up on after repeated FATALs); set, never added to, so a re-run of the apply counts each once.</summary>
    public int Succeeded { get; set; }

    public int Failed { get; set; }
}
