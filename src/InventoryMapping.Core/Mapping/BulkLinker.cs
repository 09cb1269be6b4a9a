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

    private static Result<ListingEntity?> Relink(ListingEntity current, LinkDecision decision, DateTimeOffset now, string jobId)
    {
        if (!current.IsLinked)
        {
            return current.LinkTo(decision.Item!, now, jobId);
        }

        return current.LinkJobId == jobId ? (ListingEntity?)null : DomainError.Conflict($"Listing '{current.RowKey}' was linked by someone else meanwhile.");
    }
}
