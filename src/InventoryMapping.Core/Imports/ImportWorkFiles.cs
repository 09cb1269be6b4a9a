using System.Buffers.Binary;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using InventoryMapping.Storage;

namespace InventoryMapping.Imports;

/// <summary>
/// The files of an import besides its source: under <c>imports-results/{channelId}/</c> the errors CSV and the
/// result document the seller reads; under <c>imports-results/.jobs/{jobId}/</c> what the validation pass kept of
/// each page (<see cref="ImportPageKeys"/>), from which a pass that resumes elsewhere rebuilds its
/// <see cref="DuplicateIndex"/> and the apply pass knows which rows it applies and which pages it can step over.
/// </summary>
internal sealed class ImportWorkFiles(AppStorage storage)
{
    private const int HeaderBytes = 16;
    private const int KeyBytes = 24;

    public BlobContainerClient Results => storage.Container(AppStorage.ImportResultsContainer);

    public BlobClient Source(string name) => storage.Container(AppStorage.ImportsContainer).GetBlobClient(name);

    public static string ErrorsName(string name, string jobId) => $"{StripCsv(name)}.{jobId}.errors.csv";

    public static string ResultName(string name, string jobId) => $"{StripCsv(name)}.{jobId}.result.json";

    /// <summary>Writes (overwrites, on a re-run) what the validation pass kept of one page.</summary>
    public async Task WriteKeysAsync(string jobId, int page, ImportPageKeys kept, CancellationToken cancellationToken)
    {
        var bytes = new byte[HeaderBytes + (kept.Keys.Count * KeyBytes)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, kept.NextOffset);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), kept.NextLine | (kept.EndsPass ? long.MinValue : 0));
        for (var i = 0; i < kept.Keys.Count; i++)
        {
            var span = bytes.AsSpan(HeaderBytes + (i * KeyBytes));
            var key = kept.Keys[i];
            BinaryPrimitives.WriteUInt64LittleEndian(span, key.Sku);
            BinaryPrimitives.WriteUInt64LittleEndian(span[8..], key.Value);
            BinaryPrimitives.WriteInt64LittleEndian(span[16..], key.Line | (key.WouldChange ? long.MinValue : 0));
        }

        await Results.GetBlobClient(KeysName(jobId, page)).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken);
    }

    /// <summary>What the validation pass kept of one page, or null if it kept nothing of it (not read yet, or past the end).</summary>
    public async Task<ImportPageKeys?> ReadKeysAsync(string jobId, int page, CancellationToken cancellationToken)
    {
        BinaryData content;
        try
        {
            content = (await Results.GetBlobClient(KeysName(jobId, page)).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        var bytes = content.ToMemory().Span;
        var keys = new List<ImportRowKey>((bytes.Length - HeaderBytes) / KeyBytes);
        for (var offset = HeaderBytes; offset + KeyBytes <= bytes.Length; offset += KeyBytes)
        {
            var line = BinaryPrimitives.ReadInt64LittleEndian(bytes[(offset + 16)..]);
            keys.Add(new ImportRowKey(BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[(offset + 8)..]), line & long.MaxValue, line < 0));
        }

        var next = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
        return new ImportPageKeys(keys, BinaryPrimitives.ReadInt64LittleEndian(bytes), next & long.MaxValue, next < 0);
    }

    /// <summary>Adds the keys of validation pages from <see cref="DuplicateIndex.Pages"/> up to (not including) <paramref name="pages"/> (all there are when null).</summary>
    public async Task LoadKeysAsync(string jobId, DuplicateIndex index, int? pages, CancellationToken cancellationToken)
    {
        while (pages is null || index.Pages < pages)
        {
            var keys = await ReadKeysAsync(jobId, index.Pages, cancellationToken);
            if (keys is null && pages is null)
            {
                return;
            }

            foreach (var key in keys?.Keys ?? throw new InvalidOperationException($"The keys of validation page {index.Pages} of job {jobId} are missing."))
            {
                index.Add(key);
            }

            index.Pages++;
        }
    }

    /// <summary>Deletes the job's working files (the keys); what is left by a crash here is deleted by the next completion.</summary>
    public async Task DeleteWorkAsync(string jobId, CancellationToken cancellationToken)
    {
        await foreach (var blob in Results.GetBlobsAsync(BlobTraits.None, BlobStates.None, WorkPrefix(jobId), cancellationToken))
        {
            await Results.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }

    private static string WorkPrefix(string jobId) => $".jobs/{jobId}/";

    private static string KeysName(string jobId, int page) => $"{WorkPrefix(jobId)}keys/{page:D8}.bin";

    private static string StripCsv(string name) => name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
}
