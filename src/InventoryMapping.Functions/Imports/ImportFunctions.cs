using System.Text;
using InventoryMapping.Functions.Http;
using InventoryMapping.Imports;
using InventoryMapping.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace InventoryMapping.Functions.Imports;

/// <summary>
/// Imports of mapping CSV files: a file dropped into the imports container (an Event Grid-sourced blob trigger in
/// Azure; the local host lists the container), or uploaded here and stored there first. Both start the same job.
/// </summary>
public sealed partial class ImportFunctions(ImportService imports, IOptions<ImportUploadOptions> limits, TimeProvider clock, ILogger<ImportFunctions> logger)
{
    private static readonly string[] s_query = ["name", "dryRun", "onError", "mapping"];

    /// <summary>
    /// A new version of <c>imports/{channelId}/{name}.csv</c>: starts its import once (a version already imported,
    /// or under way, is left alone, so a trigger that fires again changes nothing). A storage failure throws, and the
    /// delivery is retried; a file the import refuses ends as a failed job with its result, never as a retry.
    /// </summary>
    [Function("ImportBlobCreated")]
    public async Task BlobCreated(
        [BlobTrigger("%ImportsContainerName%/{channelId}/{name}.csv", Source = BlobTriggerSource.EventGrid, Connection = "AppStorage")] Stream blob,
        string channelId,
        string name,
        CancellationToken cancellationToken)
    {
        // The job reads the blob itself, by ranges of the version it starts on; the trigger's stream is not read.
        await blob.DisposeAsync();
        var started = await imports.StartFromBlobAsync(channelId, name, cancellationToken);
        if (started.IsSuccess)
        {
            LogStarted(logger, channelId, name, started.Value.JobId, started.Value.Status);
        }
        else
        {
            LogNotStarted(logger, channelId, name, started.Error.Detail);
        }
    }

    /// <summary>
    /// Uploads a CSV and imports it. The body is the CSV (any content type but multipart), or multipart/form-data with
    /// an optional <c>mapping</c> part (the mapping document) before the <c>file</c> part. Streamed to Blob Storage, up
    /// to <see cref="ImportUploadOptions.MaxUploadBytes"/> however the body is framed; 413 above.
    /// </summary>
    [Function("StartImport")]
    public async Task<Results<Accepted<Job>, ProblemHttpResult>> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channelId}/imports")] HttpRequest request, string channelId, CancellationToken cancellationToken)
    {
        var limit = limits.Value.MaxUploadBytes;
        var options = QueryOptions(request);
        if (!options.IsSuccess)
        {
            return Problems.From(options.Error);
        }

        var name = QueryValues.Text(request, "name");
        if (ImportService.NameProblem(name) is { } nameProblem)
        {
            return Problems.From(DomainError.Invalid("name", nameProblem));
        }

        if (request.ContentLength is { } length && length > limit)
        {
            return Problems.From(TooLarge(limit));
        }

        try
        {
            var body = new BoundedBodyStream(request.Body, limit);
            var started = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await MultipartAsync(request, type, body, channelId, name, options.Value, cancellationToken)
                : await imports.UploadAsync(channelId, name, body, options.Value ?? ImportOptions.Default, clock, cancellationToken);
            return Responses.Of(started, job => TypedResults.Accepted($"/api/jobs/{job.JobId}", job));
        }
        catch (Exception e) when (TooLargeIn(e) is { } tooLarge)
        {
            return Problems.From(TooLarge(tooLarge.Limit));
        }
    }

    private async Task<Result<Job>> MultipartAsync(
        HttpRequest request, MediaTypeHeaderValue type, Stream body, string channelId, string? name, ImportOptions? fromQuery, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return DomainError.Invalid("body", "A multipart body needs a boundary.");
        }

        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024 };
        var options = fromQuery;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var part = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ? HeaderUtilities.RemoveQuotes(disposition.Name).Value : null;
            switch (part)
            {
                case "mapping" when options is not null:
                    return DomainError.Invalid("mapping", "Give the mapping once: in the query or as the mapping part.");
                case "mapping":
                    using (var json = new MemoryStream())
                    {
                        await CopyBoundedAsync(section.Body, json, ImportOptions.MaxDocumentBytes, cancellationToken);
                        if (json.Length > ImportOptions.MaxDocumentBytes)
                        {
                            return DomainError.TooLarge("mapping", $"The mapping part is larger than {ImportOptions.MaxDocumentBytes} bytes.");
                        }

                        var parsed = ImportOptions.Parse(json.ToArray(), "mapping");
                        if (!parsed.IsSuccess)
                        {
                            return parsed.Error;
                        }

                        options = parsed.Value;
                    }

                    break;
                case "file":
                    return await imports.UploadAsync(channelId, name, section.Body, options ?? ImportOptions.Default, clock, cancellationToken);
                default:
                    return DomainError.Invalid(part ?? "body", $"Unknown part '{part}': a multipart upload has an optional 'mapping' part, then the 'file' part.");
            }
        }

        return DomainError.Invalid("file", "The multipart body has no 'file' part (the CSV).");
    }

    /// <summary>The options the query gives (null when it gives none): the mapping document, or dryRun and onError.</summary>
    private static Result<ImportOptions?> QueryOptions(HttpRequest request)
    {
        if (QueryValues.UnknownProblem(request, s_query) is { } unknown)
        {
            return unknown;
        }

        var dryRun = QueryValues.Bool(request, "dryRun");
        var onError = QueryValues.Enum<ImportOnError>(request, "onError");
        if ((dryRun.Error ?? onError.Error) is { } invalid)
        {
            return invalid;
        }

        ImportOptions? options = null;
        if (QueryValues.Text(request, "mapping") is { } mapping)
        {
            var parsed = ImportOptions.Parse(Encoding.UTF8.GetBytes(mapping), "mapping");
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            options = parsed.Value;
        }

        if (dryRun.Value is null && onError.Value is null)
        {
            return options;
        }

        options ??= ImportOptions.Default;
        return options with { DryRun = dryRun.Value ?? options.DryRun, OnError = onError.Value ?? options.OnError };
    }

    private static async Task CopyBoundedAsync(Stream from, Stream to, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        int read;
        while (to.Length <= limit && (read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            to.Write(buffer, 0, read);
        }
    }

    private static BodyTooLargeException? TooLargeIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BodyTooLargeException tooLarge)
            {
                return tooLarge;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(TooLargeIn).FirstOrDefault(t => t is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static DomainError TooLarge(long limit) =>
        DomainError.TooLarge("body", $"The CSV is larger than {limit} bytes, the most an upload takes; put larger files into the imports container (docs/csv.md).");

    [LoggerMessage(LogLevel.Information, "Import of {ChannelId}/{Name}.csv: job {JobId} ({Status})")]
    private static partial void LogStarted(ILogger logger, string channelId, string name, string jobId, JobStatus status);

    [LoggerMessage(LogLevel.Warning, "Import of {ChannelId}/{Name}.csv not started: {Reason}")]
    private static partial void LogNotStarted(ILogger logger, string channelId, string name, string reason);
}
