using Azure.Storage.Blobs;

namespace InventoryMapping.LocalHost.Blobs;

/// <summary>
/// Which blob versions (name + ETag) a function has processed, kept as empty blobs in <c>azure-webjobs-hosts</c> under
/// <c>blobreceipts/{hostId}/{functionId}/{etag}/BlockBlob/{container}/{name}</c> like the Functions host, so a
/// restart doesn't deliver them again.
/// </summary>
internal sealed class BlobReceipts(BlobContainerClient hosts, string hostId, string functionId)
{
    public const string ContainerName = "azure-webjobs-hosts";

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(string container, string blobName, string etag, CancellationToken cancellationToken)
    {
        var name = ReceiptName(container, blobName, etag);
        if (_known.Contains(name))
        {
            return true;
        }

        if (await hosts.GetBlobClient(name).ExistsAsync(cancellationToken))
        {
            _known.Add(name);
            return true;
        }

        return false;
    }

    public async Task WriteAsync(string container, string blobName, string etag, string outcome, CancellationToken cancellationToken)
    {
        var name = ReceiptName(container, blobName, etag);
        var receipt = hosts.GetBlobClient(name);
        await receipt.UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);
        await receipt.SetMetadataAsync(new Dictionary<string, string> { ["outcome"] = outcome }, cancellationToken: cancellationToken);
        _known.Add(name);
    }

    private string ReceiptName(string container, string blobName, string etag) =>
        $"blobreceipts/{hostId}/{functionId}/{etag.Trim('"')}/BlockBlob/{container}/{blobName}";
}
