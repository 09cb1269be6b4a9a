using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>The Jobs table (a row per job, also its checkpoint) and each job's reported rows (blobs, a page each).</summary>
public sealed class JobStore(AppStorage storage, JobKinds kinds, TimeProvider clock)
{
    public const string ReportedRowsContainer = AppStorage.ReportedRowsContainer;

    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        await GetEntityAsync(jobId, cancellationToken) is { } job ? ToJob(job) : null;

    internal Job ToJob(JobEntity job) => job.ToJob(kinds[job.Kind].View(job), clock.GetUtcNow());

    internal async Task<JobEntity?> GetEntityAsync(string jobId, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(jobId))
        {
            return null;
        }

        var row = await storage.Jobs.GetEntityIfExistsAsync<JobEntity>(jobId, JobEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// Adds the job, then its row in its channel's (or kind's) index; false when a job of its id is there already (whose
    /// index row is then written again, idempotently: a start that died between the two writes is repaired by its retry).
    /// A crash between them otherwise leaves the job out of the list, still readable by id.
    /// </summary>
    internal async Task<bool> TryAddAsync(JobEntity job, CancellationToken cancellationToken)
    {
        var added = await storage.Jobs.TryAddAsync(job, cancellationToken) == WriteOutcome.Written;
        var indexed = added ? job : await GetEntityAsync(job.JobId, cancellationToken);
        if (indexed is not null)
        {
            await storage.Jobs.UpsertEntityAsync(JobIndexEntity.Of(indexed), TableUpdateMode.Replace, cancellationToken);
        }

        return added;
    }

    /// <summary>
    /// The channel's jobs, newest first, from the <paramref name="take"/> index rows after <paramref name="after"/>:
    /// one range query over the index, then a point read per job (at once), each with its index row's key. <c>End</c>
    /// when the index has no more rows.
    /// </summary>
    internal Task<(IReadOnlyList<(string Key, Job Job)> Jobs, string? LastKey, bool End)> ListByChannelAsync(
        string channelId, string? after, int take, CancellationToken cancellationToken) =>
        ListAsync(JobIndexEntity.OfChannel(channelId), after, take, cancellationToken);

    /// <summary>The newest job of a kind tied to no channel that has finished (of its newest few), if any.</summary>
    public async Task<Job?> LatestFinishedAsync(JobKind kind, CancellationToken cancellationToken)
    {
        var (jobs, _, _) = await ListAsync(JobIndexEntity.OfKind(kind), after: null, take: 5, cancellationToken);
        return jobs.Select(j => j.Job).FirstOrDefault(j => j.Status is JobStatus.Succeeded);
    }

    private async Task<(IReadOnlyList<(string Key, Job Job)> Jobs, string? LastKey, bool End)> ListAsync(
        string index, string? after, int take, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {index} and RowKey gt {after ?? ""}");
        var rows = new List<JobIndexEntity>(take);
        await foreach (var row in storage.Jobs.QueryAsync<JobIndexEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == take)
            {
                break;
            }
        }

        var jobs = await Task.WhenAll(rows.Select(row => GetAsync(row.JobId, cancellationToken)));
        var found = rows.Zip(jobs).Where(pair => pair.Second is not null).Select(pair => (pair.First.RowKey, pair.Second!)).ToList();
        return (found, rows.Count == 0 ? null : rows[^1].RowKey, rows.Count < take);
    }

    /// <summary>
    /// Removes the channel's index of its jobs (the jobs stay readable by id). Static: the kind that calls it is one of
    /// the kinds a store is made with.
    /// </summary>
    internal static Task<long> RemoveChannelIndexAsync(AppStorage storage, string channelId, CancellationToken cancellationToken) =>
        storage.Jobs.DeletePartitionAsync(JobIndexEntity.OfChannel(channelId), cancellationToken);

    /// <summary>Saves the job if nobody else did since it was read; false when someone did.</summary>
    internal async Task<bool> TrySaveAsync(JobEntity job, CancellationToken cancellationToken) =>
        await storage.Jobs.TryReplaceAsync(job, job.ETag, cancellationToken) == WriteOutcome.Written;

    /// <summary>Writes the reported rows of one page; overwriting on a re-run keeps the stream free of duplicates.</summary>
    internal async Task WritePageReportAsync(string jobId, int page, IReadOnlyList<ReportedListing> reported, CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        foreach (var listing in reported)
        {
            lines.Append(JsonSerializer.Serialize(listing, JobDocument.Options)).Append('\n');
        }

        await Reports.GetBlobClient(PageBlob(jobId, page)).UploadAsync(BinaryData.FromString(lines.ToString()), overwrite: true, cancellationToken);
    }

    /// <summary>
    /// One page of a job's reported rows (those of one processed page of the job), from <paramref name="marker"/>
    /// (null for the first page). Next is null after the last page written so far: page a finished job to see all.
    /// </summary>
    internal Task<(IReadOnlyList<ReportedListing> Rows, string? Next)> ReadReportedPageAsync(string jobId, string? marker, CancellationToken cancellationToken) =>
        ReadReportedPageAsync(storage, jobId, marker, cancellationToken);

    /// <inheritdoc cref="ReadReportedPageAsync(string, string?, CancellationToken)"/>
    /// <remarks>For a job kind's completion step: a kind cannot take the store, which takes every kind.</remarks>
    internal static async Task<(IReadOnlyList<ReportedListing> Rows, string? Next)> ReadReportedPageAsync(AppStorage storage, string jobId, string? marker, CancellationToken cancellationToken)
    {
        var reports = storage.Container(ReportedRowsContainer);
        await foreach (var page in reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, jobId + "/", cancellationToken).AsPages(marker, pageSizeHint: 1))
        {
            if (page.Values.Count == 0)
            {
                break;
            }

            var rows = new List<ReportedListing>();
            foreach (var blob in page.Values)
            {
                var content = await reports.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
                rows.AddRange(content.Value.Content.ToString()
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => JsonSerializer.Deserialize<ReportedListing>(line, JobDocument.Options)!));
            }

            return (rows, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }

    private static string PageBlob(string jobId, int page) => $"{jobId}/{page:D8}.jsonl";

    private BlobContainerClient Reports => storage.Container(ReportedRowsContainer);
}
