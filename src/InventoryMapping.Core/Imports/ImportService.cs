using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using InventoryMapping.Channels;
using InventoryMapping.Jobs;
using InventoryMapping.Storage;

namespace InventoryMapping.Imports;

/// <summary>
/// Starts imports: of a file dropped into the imports container (its blob trigger), or of one uploaded over HTTP,
/// which is stored there first. Either way the job is the one job of that version of the file (its id comes from
/// the blob's name and ETag), so however often the trigger fires, a version is imported once.
/// </summary>
public sealed class ImportService(AppStorage storage, ChannelStore channels, JobService jobs)
{
    private readonly ImportWorkFiles _files = new(storage);

    /// <summary>Blob metadata that carries the options of an uploaded file (base64 of the mapping document).</summary>
    public const string OptionsMetadata = "importoptions";

    public const int MaxNameLength = 100;

    /// <summary>Starts (once) the import of the current version of <c>imports/{channelId}/{name}.csv</c>.</summary>
    public async Task<Result<Job>> StartFromBlobAsync(string channelId, string name, CancellationToken cancellationToken)
    {
        var blobName = BlobName(channelId, name);
        BlobProperties properties;
        try
        {
            properties = (await _files.Source(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return DomainError.NotFound("Import file", $"{AppStorage.ImportsContainer}/{blobName}");
        }

        var options = await OptionsOfAsync(channelId, name, properties.Metadata, cancellationToken);
        return await StartAsync(channelId, blobName, properties.ETag, properties.ContentLength, options, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="csv"/> as <c>imports/{channelId}/{name}.csv</c> (streamed in blocks, committed only when
    /// complete) with its options, and starts its import. The caller bounds the stream.
    /// </summary>
    public async Task<Result<Job>> UploadAsync(string channelId, string? name, Stream csv, ImportOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (NameProblem(name) is { } problem)
        {
            return DomainError.Invalid("name", problem);
        }

        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        name ??= $"upload-{clock.GetUtcNow():yyyyMMdd-HHmmss}-{JobIds.New()[..8]}";
        var blobName = BlobName(channelId, name);
        var counted = new CountingStream(csv);
        var upload = await _files.Source(blobName).UploadAsync(counted, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [OptionsMetadata] = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ToJson())) },
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
            TransferOptions = new Azure.Storage.StorageTransferOptions { InitialTransferSize = 4 << 20, MaximumTransferSize = 4 << 20, MaximumConcurrency = 2 },
        }, cancellationToken);
        return await StartAsync(channelId, blobName, upload.Value.ETag, counted.Count, options, cancellationToken);
    }

    /// <summary>Null when <paramref name="name"/> (without <c>.csv</c>) can name an upload, else why not.</summary>
    public static string? NameProblem(string? name) =>
        name is null ? null
        : name.Length is 0 or > MaxNameLength || name.StartsWith('.') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? $"name is 1 to {MaxNameLength} letters, digits, '-', '_' or '.' (not first), without '.csv'."
            : null;

    private async Task<Result<Job>> StartAsync(string channelId, string blobName, ETag etag, long length, Result<ImportOptions> options, CancellationToken cancellationToken)
    {
        var parameters = new ImportParameters(blobName, etag.ToString(), length, options.IsSuccess ? options.Value : ImportOptions.Default)
        {
            OptionsError = options.IsSuccess ? null : $"The import's options are refused: {options.Error.Detail}",
        };
        var jobId = JobIds.For($"import\n{blobName}\n{etag}");
        return await jobs.StartAsync(JobKind.ImportMapping, channelId, parameters.Options.DryRun, parameters, total: 0, cancellationToken, jobId);
    }

    /// <summary>The options that came with the file: its metadata (an upload's), else the sidecar written before it, else the defaults.</summary>
    private async Task<Result<ImportOptions>> OptionsOfAsync(string channelId, string name, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        if (metadata.TryGetValue(OptionsMetadata, out var encoded))
        {
            var bytes = new byte[encoded.Length];
            return Convert.TryFromBase64String(encoded, bytes, out var length)
                ? ImportOptions.Parse(bytes.AsSpan(0, length), "mapping")
                : DomainError.Invalid("mapping", $"The blob's '{OptionsMetadata}' metadata is not base64.");
        }

        var sidecar = _files.Source($"{channelId}/{name}.mapping.json");
        try
        {
            var content = await sidecar.DownloadContentAsync(
                new BlobDownloadOptions { Range = new HttpRange(0, ImportOptions.MaxDocumentBytes + 1) }, cancellationToken);
            var bytes = content.Value.Content.ToMemory();
            return bytes.Length > ImportOptions.MaxDocumentBytes
                ? DomainError.Invalid("mapping", $"{name}.mapping.json is larger than {ImportOptions.MaxDocumentBytes} bytes.")
                : ImportOptions.Parse(bytes.Span, $"{name}.mapping.json");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ImportOptions.Default;
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            return DomainError.Invalid("mapping", $"{name}.mapping.json is empty.");
        }
    }

    private static string BlobName(string channelId, string name) => $"{channelId}/{name}.csv";

    /// <summary>Counts what the upload read.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            Count += read;
            return read;
        }
    }
}
