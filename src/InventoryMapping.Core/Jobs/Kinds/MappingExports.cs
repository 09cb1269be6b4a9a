using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using InventoryMapping.Channels;
using InventoryMapping.Csv;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Starts exports of a channel's mapping as CSV (docs/csv.md): from the API, writing <c>exports/{channelId}/{jobId}.csv</c>,
/// or from a request file <c>export-requests/{channelId}/{name}.json</c>, writing <c>exports/{channelId}/{name}.csv</c>.
/// Both take the same request and run the same job (<see cref="ExportMapping"/>).
/// </summary>
public sealed partial class MappingExports(ChannelStore channels, ListingCountsRollup counts, JobService jobs, AppStorage storage, ILogger<MappingExports> logger)
{
    /// <summary>The most a request file may hold; a request is a few field names.</summary>
    public const int MaxRequestFileBytes = 64 * 1024;

    private static readonly JsonSerializerOptions s_requestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Every field an export can write, in the default order, with its meaning.</summary>
    public async Task<Result<MappingCsvFields>> FieldsAsync(string channelId, CancellationToken cancellationToken) =>
        await channels.GetAsync(channelId, cancellationToken) is null ? DomainError.NotFound("Channel", channelId) : new MappingCsvFields(MappingCsvField.All);

    /// <summary>Starts an export of the channel's listings to <c>exports/{channelId}/{jobId}.csv</c>.</summary>
    public async Task<Result<Job>> StartAsync(string channelId, MappingExportRequest request, CancellationToken cancellationToken)
    {
        var jobId = JobIds.New();
        return await StartAsync(channelId, request, $"{channelId}/{jobId}.csv", jobId, requestFile: null, cancellationToken);
    }

    /// <summary>
    /// Starts the export that <c>export-requests/{channelId}/{name}.json</c> asks for, and writes what became of it
    /// to <c>exports/{channelId}/{name}.result.json</c>. The job's id comes from the file's name and version (ETag),
    /// so a version delivered twice starts one job. A request that cannot be run (not JSON, an unknown field, no
    /// such channel) ends refused, with the reason in the result; only storage failures throw (and are retried).
    /// </summary>
    public async Task<ExportRequestResult> StartFromRequestFileAsync(string channelId, string name, CancellationToken cancellationToken)
    {
        var requestFile = $"{AppStorage.ExportRequestsContainer}/{channelId}/{name}.json";
        var fileName = $"{channelId}/{name}.csv";
        var (request, etag, error) = await ReadRequestFileAsync($"{channelId}/{name}.json", cancellationToken);
        ExportRequestResult result;
        if (error is not null)
        {
            result = new ExportRequestResult(requestFile, ExportRequestResult.Refused, Error: error);
        }
        else
        {
            var jobId = RequestJobId(requestFile, etag);
            var job = await StartAsync(channelId, request!, fileName, jobId, requestFile, cancellationToken);
            result = job.IsSuccess
                ? new ExportRequestResult(requestFile, ExportRequestResult.Started, jobId, $"/api/jobs/{jobId}", $"{AppStorage.ExportsContainer}/{fileName}")
                : new ExportRequestResult(requestFile, ExportRequestResult.Refused, Error: job.Error);
        }

        if (result.Error is { } refused)
        {
            LogRefused(logger, requestFile, refused.Detail);
        }
        else
        {
            LogStarted(logger, requestFile, result.JobId!);
        }

        await storage.Container(AppStorage.ExportsContainer).GetBlobClient($"{channelId}/{name}.result.json").UploadAsync(
            BinaryData.FromObjectAsJson(result, JobDocument.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
        return result;
    }

    /// <summary>The request's fields and filter checked: every field known, none twice, at least one.</summary>
    internal static Result<ExportMappingParameters> Parameters(MappingExportRequest request, string fileName, string? requestFile)
    {
        var fields = new List<string>();
        foreach (var name in request.Fields ?? [.. MappingCsvField.All.Select(f => f.Name)])
        {
            if (MappingCsvField.Find(name ?? "") is not { } field)
            {
                return DomainError.Invalid("fields", $"Unknown field '{name}'. The fields are {string.Join(", ", MappingCsvField.All.Select(f => f.Name))}.");
            }

            if (fields.Contains(field.Name))
            {
                return DomainError.Invalid("fields", $"Field '{field.Name}' is given twice.");
            }

            fields.Add(field.Name);
        }

        if (fields.Count == 0)
        {
            return DomainError.Invalid("fields", "Give at least one field, or leave fields out for all of them.");
        }

        var filter = request.Filter is null
            ? MappingExportFilter.All
            : Enum.GetValues<MappingExportFilter>().Cast<MappingExportFilter?>().FirstOrDefault(f => string.Equals(f.ToString(), request.Filter, StringComparison.OrdinalIgnoreCase));
        if (filter is null)
        {
            return DomainError.Invalid("filter", $"Unknown filter '{request.Filter}': use all, linked, unlinked, active or fba.");
        }

        return new ExportMappingParameters(fields, filter.Value, fileName, requestFile);
    }

    private async Task<Result<Job>> StartAsync(
        string channelId, MappingExportRequest request, string fileName, string jobId, string? requestFile, CancellationToken cancellationToken)
    {
        var parameters = Parameters(request, fileName, requestFile);
        if (!parameters.IsSuccess)
        {
            return parameters.Error;
        }

        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var total = Estimate(await counts.ReadAsync(channelId, cancellationToken), parameters.Value.Filter);
        return await jobs.StartAsync(JobKind.ExportMapping, channelId, dryRun: false, parameters.Value, total, cancellationToken, jobId);
    }

    /// <summary>The rows the export will write, as the counts know them at the start (exact at the end).</summary>
    private static long Estimate(ChannelCounts counts, MappingExportFilter filter) => filter switch
    {
        MappingExportFilter.Linked => counts.Linked,
        MappingExportFilter.Unlinked => counts.Unlinked,
        MappingExportFilter.Active => counts.Active,
        MappingExportFilter.Fba => counts.Fba,
        _ => counts.Total,
    };

    private async Task<(MappingExportRequest? Request, ETag ETag, DomainError? Error)> ReadRequestFileAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = storage.Container(AppStorage.ExportRequestsContainer).GetBlobClient(blobName);
        BlobDownloadResult download;
        try
        {
            download = (await blob.DownloadContentAsync(
                new BlobDownloadOptions { Range = new HttpRange(0, MaxRequestFileBytes + 1) }, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, default, DomainError.NotFound("Request file", blobName));
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            return (null, default, DomainError.Invalid("body", "The request file is empty: give {} for every field of every listing."));
        }

        if (download.Content.ToMemory().Length > MaxRequestFileBytes)
        {
            return (null, download.Details.ETag, DomainError.TooLarge("body", $"The request file is larger than {MaxRequestFileBytes} bytes."));
        }

        try
        {
            var request = JsonSerializer.Deserialize<MappingExportRequest>(download.Content.ToMemory().Span, s_requestJson);
            return request is null
                ? (null, download.Details.ETag, DomainError.Invalid("body", "The request file must hold a JSON object such as {\"fields\": [\"ChannelSku\"], \"filter\": \"linked\"}."))
                : (request, download.Details.ETag, null);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, download.Details.ETag, DomainError.Invalid(path, $"The request file is not a valid export request at '{path}' (line {(e.LineNumber ?? 0) + 1}): it is a JSON object with optional \"fields\" (an array of field names) and \"filter\"."));
        }
    }

    /// <summary>A job id (32 hex digits, as <see cref="JobIds"/> makes) that names this version of the request file.</summary>
    private static string RequestJobId(string requestFile, ETag etag) =>
        JobIds.For($"{requestFile}\n{etag}");

    [LoggerMessage(LogLevel.Information, "Export request {RequestFile}: job {JobId}")]
    private static partial void LogStarted(ILogger logger, string requestFile, string jobId);

    [LoggerMessage(LogLevel.Warning, "Export request {RequestFile} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string requestFile, string reason);
}
