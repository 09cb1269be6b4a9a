using System.Globalization;
using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using InventoryMapping.Storage;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.Inventory;

/// <summary>
/// Snapshots of the search index in blob container <see cref="Container"/>: <c>snapshots/{high-water mark ticks}.bin</c>,
/// gzipped (id, SKU, title) records in key order between a header and a trailer that both carry the count, so a
/// truncated or damaged blob is recognised and skipped. The header also says when the snapshot's chain was last
/// built from the Items table (<see cref="SearchSnapshot.RebuiltAt"/>; the first format, without it, reads as never). The high-water mark is the time up to which the snapshot
/// holds every logged change; a reader goes on from there in the change log. Block blobs appear only once
/// committed, so a crash mid-upload leaves the previous snapshots as they were.
/// </summary>
public sealed class ItemSearchSnapshots(AppStorage storage, ILogger<ItemSearchSnapshots> logger)
{
    public const string Container = "searchindex";
    private const string Prefix = "snapshots/";
    private const int Magic = 0x32534D49; // "IMS2"
    private const int FirstMagic = 0x31534D49; // "IMS1": no RebuiltAt
    private const int Kept = 2;

    internal BlobContainerClient Blobs => storage.Container(Container);

    /// <summary>The newest readable snapshot, or null when there is none.</summary>
    internal async Task<SearchSnapshot?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        foreach (var name in (await ListAsync(cancellationToken)).OrderDescending(StringComparer.Ordinal))
        {
            try
            {
                await using var blob = await Blobs.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken);
                return ReadFrom(blob);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
            {
                logger.LogWarning(e, "Search snapshot {Name} is unreadable; trying an older one.", name);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Pruned meanwhile.
            }
        }

        return null;
    }

    /// <summary>
    /// Writes a snapshot of <paramref name="entries"/> (key order) as of <paramref name="highWaterMark"/>, its chain
    /// last built from the Items table at <paramref name="rebuiltAt"/>, then drops all but the newest two.
    /// </summary>
    internal async Task WriteAsync(
        IEnumerable<(ulong Id, string Sku, string Title)> entries, DateTimeOffset highWaterMark, DateTimeOffset rebuiltAt, CancellationToken cancellationToken)
    {
        var name = Prefix + highWaterMark.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + ".bin";
        await using (var blob = await Blobs.GetBlobClient(name).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken))
        {
            WriteTo(blob, entries, highWaterMark, rebuiltAt);
        }

        foreach (var old in (await ListAsync(cancellationToken)).OrderDescending(StringComparer.Ordinal).Skip(Kept))
        {
            await Blobs.DeleteBlobIfExistsAsync(old, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Every live item read from the Items table (256 partition queries), in key order, and when the read began.</summary>
    internal async Task<(List<(ulong Id, string Sku, string Title)> Entries, DateTimeOffset Started)> ScanItemsAsync(DateTimeOffset started, CancellationToken cancellationToken)
    {
        var entries = new List<(ulong Id, string Sku, string Title)>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ItemIds.PartitionCount),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var key = partition.ToString("x2", CultureInfo.InvariantCulture);
                var rows = new List<(ulong, string, string)>();
                await foreach (var item in storage.Items.QueryAsync<ItemEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {key}"), maxPerPage: 1000, select: ["RowKey", "Sku", "Title", "DeletedAt"], cancellationToken: ct))
                {
                    if (item.DeletedAt is null && ItemIds.IsValid(item.RowKey))
                    {
                        rows.Add((ItemSearchCatalog.IdKey(item.RowKey), item.Sku, item.Title));
                    }
                }

                lock (entries)
                {
                    entries.AddRange(rows);
                }
            });

        var keyed = entries.Select(e => (Upper: SearchText.Sku(e.Sku), Entry: e)).ToList();
        keyed.Sort((a, b) => string.CompareOrdinal(a.Upper, b.Upper) is var bySku and not 0 ? bySku : a.Entry.Id.CompareTo(b.Entry.Id));
        return (keyed.Select(k => k.Entry).ToList(), started);
    }

    internal static ItemSearchCatalog Build(IEnumerable<(ulong Id, string Sku, string Title)> entries)
    {
        var builder = new ItemSearchCatalog.Builder();
        foreach (var (id, sku, title) in entries)
        {
            builder.Add(id, sku, title);
        }

        return builder.Build();
    }

    private async Task<List<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in Blobs.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, cancellationToken))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>The snapshot format, written to <paramref name="stream"/> (left open).</summary>
    internal static void WriteTo(Stream stream, IEnumerable<(ulong Id, string Sku, string Title)> entries, DateTimeOffset highWaterMark, DateTimeOffset rebuiltAt)
    {
        using var zip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        using var buffered = new BufferedStream(zip, 1 << 20);
        using var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true);
        WriteBody(writer, entries.ToList(), highWaterMark.UtcTicks, rebuiltAt.UtcTicks);
    }

    private static void WriteBody(BinaryWriter writer, List<(ulong Id, string Sku, string Title)> entries, long highWaterMark, long rebuiltAt)
    {
        writer.Write(Magic);
        writer.Write(highWaterMark);
        writer.Write(rebuiltAt);
        writer.Write(entries.Count);
        foreach (var (id, sku, title) in entries)
        {
            writer.Write(id);
            writer.Write(sku);
            writer.Write(title);
        }

        writer.Write(entries.Count);
        writer.Write(Magic);
    }

    /// <summary>Reads the snapshot format; <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/> if it is damaged.</summary>
    internal static SearchSnapshot ReadFrom(Stream blob)
    {
        using var zip = new GZipStream(blob, CompressionMode.Decompress);
        using var buffered = new BufferedStream(zip, 1 << 20);
        using var reader = new BinaryReader(buffered, Encoding.UTF8);
        var magic = reader.ReadInt32();
        if (magic is not (Magic or FirstMagic))
        {
            throw new InvalidDataException("Not a search snapshot.");
        }

        var highWaterMark = reader.ReadInt64();
        var rebuiltAt = magic == Magic ? reader.ReadInt64() : DateTimeOffset.MinValue.UtcTicks;
        var count = reader.ReadInt32();
        var builder = new ItemSearchCatalog.Builder();
        for (var i = 0; i < count; i++)
        {
            builder.Add(reader.ReadUInt64(), reader.ReadString(), reader.ReadString());
        }

        if (reader.ReadInt32() != count || reader.ReadInt32() != magic)
        {
            throw new InvalidDataException("The snapshot's trailer does not match its header.");
        }

        return new SearchSnapshot(builder.Build(), new DateTimeOffset(highWaterMark, TimeSpan.Zero), new DateTimeOffset(rebuiltAt, TimeSpan.Zero));
    }
}
