using System.Text.Json;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.StockSync;

/// <summary>Reads of the StockSubmissions table, and each submission's plan blob (what it sends); the lifecycle writes the rows.</summary>
public sealed class StockSubmissionStore(AppStorage storage)
{
    internal TableClient Table => storage.StockSubmissions;

    public Task<StockSubmissionEntity?> GetLatestAsync(string channelId, CancellationToken cancellationToken) =>
        Lifecycle.TrackedRows.LatestAsync<StockSubmissionEntity>(storage.StockSubmissions, channelId, cancellationToken);

    internal async Task WritePlanAsync(string blobName, IReadOnlyList<PlannedQuantity> plan, CancellationToken cancellationToken) =>
        await Container.GetBlobClient(blobName).UploadAsync(BinaryData.FromObjectAsJson(plan), overwrite: true, cancellationToken);

    internal async Task<IReadOnlyList<PlannedQuantity>> ReadPlanAsync(string blobName, CancellationToken cancellationToken)
    {
        var content = await Container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<List<PlannedQuantity>>(new JsonSerializerOptions()) ?? [];
    }

    internal Task DeletePlanAsync(string blobName, CancellationToken cancellationToken) =>
        Container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private Azure.Storage.Blobs.BlobContainerClient Container => storage.Container(AppStorage.StockSubmissionsContainer);
}
