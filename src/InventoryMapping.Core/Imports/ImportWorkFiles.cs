using System.Buffers.Binary;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using InventoryMapping.Storage;

namespace InventoryMapping.Imports;

/// <summary>
/// The files of an import besides its source: under <c>imports-results/{channelId}/</c> the errors CSV and the
/// result document the seller reads; under <c>imports-results/.jobs/{jobId}/</c> the validation pass's keys of each
/// page (SKU and value hashes, line), from which a pass that resumes elsewhere rebuilds its <see cref="DuplicateIndex"/>.
/// </summary>
internal sealed class ImportWorkFiles(AppStorage storage)
{
    private const int KeyBytes = 24;

    public BlobContainerClient Results => storage.Container(AppStorage.ImportResultsContainer);

    public BlobClient Source(string name) => storage.Container(AppStorage.ImportsContainer).GetBlobClient(name);

    public static string ErrorsName(string name, string jobId) => $"{StripCsv(name)}.{jobId}.errors.csv";

    public static string ResultName(string name, string jobId) => $"{StripCsv(name)}.{jobId}.result.json";

    /// <summary>Writes (overwrites, on a re-run) the keys of one validation page's valid rows.</summary>
    public async Task WriteKeysAsync(string jobId, int page, IReadOnlyList<(ulong Sku, ulong Value, long Line, bool WouldChange)> keys, CancellationToken cancellationToken)
    {
        var bytes = new byte[keys.Count * KeyBytes];
        for (var i = 0; i < keys.Count; i++)
        {
            var span = bytes.AsSpan(i * KeyBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(span, keys[i].Sku);
            BinaryPrimitives.WriteUInt64LittleEndian(span[8..], keys[i].Value);
            BinaryPrimitives.WriteInt64LittleEndian(span[16..], keys[i].Line | (keys[i].WouldChange ? long.MinValue : 0));
        }

        await Results.GetBlobClient(KeysName(jobId, page)).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken);
    }

    /// <summary>Adds the keys of validation pages from <see cref="DuplicateIndex.Pages"/> up to (not including) <paramref name="pages"/> (all there are when null).</summary>
    public async Task LoadKeysAsync(string jobId, DuplicateIndex index, int? pages, CancellationToken cancellationToken)
    {
        while (pages is null || index.Pages < pages)
        {
            BinaryData content;
            try
            {
                content = (await Results.GetBlobClient(KeysName(jobId, index.Pages)).DownloadContentAsync(cancellationToken)).Value.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404 && pages is null)
            {
                return;
            }

            var bytes = content.ToMemory().Span;
            for (var offset = 0; offset + KeyBytes <= bytes.Length; offset += KeyBytes)
            {
                var line = BinaryPrimitives.ReadInt64LittleEndian(bytes[(offset + 16)..]);
                index.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[(offset + 8)..]), line & long.MaxValue, line < 0);
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
