using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// An export's CSV blob, written as a block blob that appears complete or not at all: each page stages its rows as
/// an uncommitted block named by job, part and block number (a page redone after a crash stages the same block
/// again), and the completion step commits the header block and every part's blocks, in order, in one request.
/// Until then readers see the previous file of that name, or none. Committing again (a crash after the commit)
/// commits the same list. Ids have one length (Azure's rule): <c>{jobId}-{part:D2}-{block:D6}</c>, the header's
/// part <c>hd</c>.
/// </summary>
internal sealed class ExportFile(BlockBlobClient blob, string jobId)
{
    public const string ContentType = "text/csv; charset=utf-8";

    public async Task StageAsync(int part, int block, Stream rows, CancellationToken cancellationToken) =>
        await blob.StageBlockAsync(BlockId(part.ToString("D2", CultureInfo.InvariantCulture), block), rows, cancellationToken: cancellationToken);

    /// <summary>Stages the header and commits it with <paramref name="blocks"/> (part → blocks staged) of parts 0 … <paramref name="parts"/> − 1.</summary>
    public async Task CommitAsync(byte[] header, IReadOnlyDictionary<int, int> blocks, int parts, string downloadName, long rows, CancellationToken cancellationToken)
    {
        var headerId = BlockId("hd", 0);
        using (var content = new MemoryStream(header, writable: false))
        {
            await blob.StageBlockAsync(headerId, content, cancellationToken: cancellationToken);
        }

        var ids = new List<string> { headerId };
        for (var part = 0; part < parts; part++)
        {
            var staged = blocks.GetValueOrDefault(part);
            for (var block = 0; block < staged; block++)
            {
                ids.Add(BlockId(part.ToString("D2", CultureInfo.InvariantCulture), block));
            }
        }

        await blob.CommitBlockListAsync(ids, new CommitBlockListOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = ContentType,
                ContentDisposition = $"attachment; filename=\"{downloadName}\"",
            },
            Metadata = new Dictionary<string, string>
            {
                ["jobId"] = jobId,
                ["rows"] = rows.ToString(CultureInfo.InvariantCulture),
            },
        }, cancellationToken);
    }

    private string BlockId(string part, int block) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{jobId}-{part}-{block:D6}")));
}
