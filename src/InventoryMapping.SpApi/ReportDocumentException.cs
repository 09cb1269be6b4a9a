namespace InventoryMapping.SpApi;

/// <summary>A report document could not be downloaded or read whole (expired URL, truncated GZIP, unknown charset).</summary>
public sealed class ReportDocumentException(string message, Exception? innerException = null) : Exception(message, innerException);
