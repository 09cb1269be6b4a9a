namespace InventoryMapping.SpApi;

/// <summary>
/// A report or feed document (a feed's upload, its processing report) could not be transferred or read whole. <see cref="IsPermanent"/>: the document itself is
/// unreadable (no <c>seller-sku</c> column, an unknown charset, a header that cannot be mapped), so downloading it
/// again gives the same; otherwise the transfer failed (expired URL, truncated GZIP, stalled body) and a new try may work.
/// </summary>
public sealed class ReportDocumentException(string message, Exception? innerException = null, bool isPermanent = false) : Exception(message, innerException)
{
    public bool IsPermanent { get; } = isPermanent;

    public static ReportDocumentException Permanent(string message, Exception? innerException = null) => new(message, innerException, isPermanent: true);
}
