using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;
using InventoryMapping.StockMarks;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Mapping;

/// <summary>Writes the links bulk jobs decided, a partition at a time, re-deciding listings that changed meanwhile.</summary>
internal sealed class BulkLinker(ListingWriter writer, ItemListingIndex index, IOptions<StorageThroughputOptions> throughput, TimeProvider clock)
{
    private readonly int _partitionsInFlight = throughput.Value.LinkPartitionsInFlight;
    private readonly int _editPartitionsInFlight = throughput.Value.ListingPartitionsInFlight;

    /// <summary>Links each decision's listing to its item; returns the ids of listings that were linked by someone else meanwhile.</summary>
    public async Task<IReadOnlyCollection<string>> LinkAsync(string channelId, string jobId, IReadOnlyList<LinkDecision> links, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var byListing = links.ToDictionary(d => d.Listing.RowKey, StringComparer.Ordinal);
        var (_, refused) = await WriteAsync(
            links.Select(d => d.Listing),
            (listingId, current) => current is null ? DomainError.NotFound("Listing", listingId)
                : !current.IsLinked ? current.LinkTo(byListing[listingId].Item!, now, jobId)
                : current.LinkJobId == jobId ? (ListingEntity?)null
                : DomainError.Conflict($"Listing '{current.RowKey}' was linked by someone else meanwhile."),
            indexed: null,
            _partitionsInFlight,
            cancellationToken);
        return refused;
    }

    /// <summary>Unlinks those of <paramref name="listings"/> still linked to <paramref name="itemId"/>; returns how many it unlinked.</summary>
    public async Task<long> UnlinkAsync(string channelId, string itemId, IReadOnlyList<ListingEntity> listings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (changed, _) = await WriteAsync(
            listings.Where(l => l.IsLinked && l.LinkedItemId == itemId),
            (_, current) => current is { IsLinked: true } && current.LinkedItemId == itemId ? current.Unlink(now) : (ListingEntity?)null,
            indexed: null,
            _partitionsInFlight,
            cancellationToken);
        return changed;
    }

    /// <summary>
    /// Applies each edit to its listing as it is when written (an edit already in place changes nothing); returns
    /// how many listings it changed and the ids of listings that no longer exist. The edits may span every partition
    /// with a few listings each (an import's page), so they are written like a bulk upsert,
    /// <see cref="StorageThroughputOptions.ListingPartitionsInFlight"/> partitions at once, and their links' index
    /// rows are written first, all together: in full transactions by item partition rather than a few rows per
    /// listing partition (an index row for an edit that then changes nothing is one too many, which the index allows).
    /// </summary>
    public async Task<(long Changed, IReadOnlyCollection<string> Missing)> EditAsync(string channelId, string jobId, IReadOnlyList<ListingEdit> edits, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var byListing = edits.ToDictionary(e => e.Listing.RowKey, StringComparer.Ordinal);
        var indexed = edits
            .Where(e => e is { SetsLink: true, Item: not null } && !(e.Listing.IsLinked && e.Listing.LinkedItemId == e.Item.ItemId))
            .Select(e => new IndexedListing(e.Item!.ItemId, channelId, e.Listing.RowKey))
            .ToHashSet();
        await index.AddAsync(indexed, cancellationToken);
        return await WriteAsync(
            edits.Select(e => e.Listing),
            (listingId, current) => current is null ? DomainError.NotFound("Listing", listingId) : byListing[listingId].Apply(current, now, jobId),
            indexed,
            _editPartitionsInFlight,
            cancellationToken);
    }

    /// <summary>
    /// Decides each listing with <paramref name="decide"/> (first on the row as read) and writes the decisions a
    /// partition per <see cref="ListingWriter.WritePartitionAsync(string, IReadOnlyList{string}, IReadOnlyList{ListingEntity}, Func{string, ListingEntity, Result{ListingEntity}}, CancellationToken)"/>,
    /// which decides again on the current rows if one changed meanwhile. Returns how many listings were changed, and
    /// the ids of those <paramref name="decide"/> refused.
    /// </summary>
    private async Task<(long Changed, IReadOnlyCollection<string> Refused)> WriteAsync(
        IEnumerable<ListingEntity> listings,
        Func<string, ListingEntity?, Result<ListingEntity?>> decide,
        IReadOnlySet<IndexedListing>? indexed,
        int partitionsInFlight,
        CancellationToken cancellationToken)
    {
        long changed = 0;
        var refused = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            listings.GroupBy(l => l.PartitionKey),
            new ParallelOptions { MaxDegreeOfParallelism = partitionsInFlight, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var write = await writer.WritePartitionAsync(
                    partition.Key, [.. partition.Select(l => l.RowKey)], [.. partition], (id, row, _) => ValueTask.FromResult(decide(id, row)), indexed, ct);
                Interlocked.Add(ref changed, write.Written.Count);
                foreach (var refusal in write.Refused)
                {
                    refused.Add(refusal.ListingId);
                }
            });
        return (changed, refused);
    }
}
