namespace InventoryMapping.SpApi;

/// <summary>The model's <c>ReportDocument</c>: a pre-signed <see cref="Url"/> valid for 5 minutes.</summary>
public sealed record ReportDocument(string ReportDocumentId, Uri Url, string? CompressionAlgorithm = null)
{
    public bool IsGzip => string.Equals(CompressionAlgorithm, "GZIP", StringComparison.OrdinalIgnoreCase);
}
