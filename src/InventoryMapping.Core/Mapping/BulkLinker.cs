using InventoryMapping.Listings;

namespace InventoryMapping.Mapping;

/// <summary>Writes the links bulk jobs decided, a partition at a time, re-deciding listings that changed meanwhile.</summary>
internal sealed class BulkLinker(ListingWriter writer, TimeProvider clock)
{
    public const int Parallelism = 8;

    /// <summary>Links each decision's listing to its item; returns the ids of listings that were linked by someone else meanwhile.</summary>
    public async Task<IReadOnlyCollection<string>> LinkAsync(string channelId, string jobId, IReadOnlyList<LinkDecision> links, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var skipped = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            links.GroupBy(d => d.Listing.PartitionKey),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var changes = partition.Select(d => new ListingChange(d.Listing, d.Listing.Clone().LinkTo(d.Item!, now, jobId))).ToList();
                try
                {
                    await writer.CommitAsync(partition.Key, changes, ct);
                }
                catch (ListingChangedException)
                {
                    // Someone edited a listing of this partition since the page was read: decide each one again.
                    foreach (var decision in partition)
                    {
                        var result = await writer.UpdateAsync(
                            channelId,
                            decision.Listing.RowKey,
                            ifMatch: null,
                            current => Relink(current, decision, now, jobId),
                            ct);
                        if (!result.IsSuccess)
                        {
                            skipped.Add(decision.Listing.RowKey);
                        }
                    }
                }
            });
        return skipped;
    }

    /// <summary>Unlinks those of <paramref name="listings"/> still linked to <paramref name="itemId"/>; returns how many it unlinked.</summary>
    public async Task<long> UnlinkAsync(string channelId, string itemId, IReadOnlyList<ListingEntity> listings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long unlinked = 0;
        await Parallel.ForEachAsync(
            listings.Where(l => l.IsLinked && l.LinkedItemId == itemId).GroupBy(l => l.PartitionKey),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                try
                {
                    await writer.CommitAsync(partition.Key, partition.Select(l => new ListingChange(l, l.Clone().Unlink(now))).ToList(), ct);
                    Interlocked.Add(ref unlinked, partition.Count());
                }
                catch (ListingChangedException)
                {
                    // Someone edited a listing of this partition since the page was read: look at each one again.
                    foreach (var listing in partition)
                    {
                        var unlinkedThis = false;
                        await writer.UpdateAsync(
                            channelId,
                            listing.RowKey,
                            ifMatch: null,
                            current =>
                            {
                                unlinkedThis = current.IsLinked && current.LinkedItemId == itemId;
                                return unlinkedThis ? current.Unlink(now) : (ListingEntity?)null;
                            },
                            ct);
                        if (unlinkedThis)
                        {
                            Interlocked.Increment(ref unlinked);
                        }
                    }
                }
            });
        return unlinked;
    }

    private static Result<ListingEntity?> Relink(ListingEntity current, LinkDecision decision, DateTimeOffset now, string jobId)
    {
        if (!current.IsLinked)
        {
            return current.LinkTo(decision.Item!, now, jobId);
        }

        return current.LinkJobId == jobId ? (ListingEntity?)null : DomainError.Conflict($"Listing '{current.RowKey}' was linked by someone else meanwhile.");
    }
}
