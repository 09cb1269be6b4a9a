using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

public sealed class JobStore(AppStorage storage)
{
    public const string ReportsContainer = AppStorage.JobReportsContainer;

    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        (await GetEntityAsync(jobId, cancellationToken))?.ToJob();

    internal async Task<JobEntity?> GetEntityAsync(string jobId, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(jobId))
        {
            return null;
        }

        var row = await storage.Jobs.GetEntityIfExistsAsync<JobEntity>(jobId, JobEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    internal Task AddAsync(JobEntity job, CancellationToken cancellationToken) => storage.Jobs.AddEntityAsync(job, cancellationToken);

    /// <summary>Saves the job if nobody else did since it was read; false when someone did.</summary>
    internal async Task<bool> TrySaveAsync(JobEntity job, CancellationToken cancellationToken)
    {
        try
        {
            var response = await storage.Jobs.UpdateEntityAsync(job, job.ETag, TableUpdateMode.Replace, cancellationToken);
            job.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Writes the reported listings of one page; overwriting on a re-run keeps the list free of duplicates.</summary>
    internal async Task WritePageReportAsync(string jobId, int page, IReadOnlyList<ReportedListing> reported, CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        foreach (var listing in reported)
        {
            lines.Append(JsonSerializer.Serialize(listing)).Append('\n');
        }

        await Reports.GetBlobClient($"{jobId}/{page:D8}.jsonl").UploadAsync(BinaryData.FromString(lines.ToString()), overwrite: true, cancellationToken);
    }

    /// <summary>Every reported listing of a job, page by page.</summary>
    public async IAsyncEnumerable<ReportedListing> ReadReportedAsync(string jobId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in Reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, jobId + "/", cancellationToken))
        {
            var content = await Reports.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            foreach (var line in content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return JsonSerializer.Deserialize<ReportedListing>(line)!;
            }
        }
    }

    private BlobContainerClient Reports => storage.Container(ReportsContainer);
}
