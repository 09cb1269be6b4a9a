using System.Collections.Concurrent;
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
        var byListing = links.ToDictionary(d => d.Listing.RowKey, StringComparer.Ordinal);
        var (_, refused) = await WriteAsync(
            channelId,
            links.Select(d => d.Listing),
            listing => listing.LinkTo(byListing[listing.RowKey].Item!, now, jobId),
            (listing, current) => !current.IsLinked ? current.LinkTo(byListing[listing.RowKey].Item!, now, jobId)
                : current.LinkJobId == jobId ? (ListingEntity?)null
                : DomainError.Conflict($"Listing '{current.RowKey}' was linked by someone else meanwhile."),
            cancellationToken);
        return refused;
    }

    /// <summary>Unlinks those of <paramref name="listings"/> still linked to <paramref name="itemId"/>; returns how many it unlinked.</summary>
    public async Task<long> UnlinkAsync(string channelId, string itemId, IReadOnlyList<ListingEntity> listings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (changed, _) = await WriteAsync(
            channelId,
            listings.Where(l => l.IsLinked && l.LinkedItemId == itemId),
            listing => listing.Unlink(now),
            (_, current) => current.IsLinked && current.LinkedItemId == itemId ? current.Unlink(now) : (ListingEntity?)null,
            cancellationToken);
        return changed;
    }

    /// <summary>
    /// Writes <paramref name="change"/> of each listing, a partition per transaction group. If a listing of a partition
    /// changed since it was read, each listing of that partition is decided again on its current row with
    /// <paramref name="decideAgain"/> (null: nothing to do). Returns how many listings were changed, and the ids of those
    /// <paramref name="decideAgain"/> refused.
    /// </summary>
    private async Task<(long Changed, IReadOnlyCollection<string> Refused)> WriteAsync(
        string channelId,
        IEnumerable<ListingEntity> listings,
        Func<ListingEntity, ListingEntity> change,
        Func<ListingEntity, ListingEntity, Result<ListingEntity?>> decideAgain,
        CancellationToken cancellationToken)
    {
        long changed = 0;
        var refused = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            listings.GroupBy(l => l.PartitionKey),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                try
                {
                    await writer.CommitAsync(partition.Key, partition.Select(l => new ListingChange(l, change(l.Clone()))).ToList(), ct);
                    Interlocked.Add(ref changed, partition.Count());
                }
                catch (ListingChangedException)
                {
                    foreach (var listing in partition)
                    {
                        var changedThis = false;
                        var result = await writer.UpdateAsync(
                            channelId,
                            listing.RowKey,
                            ifMatch: null,
                            current =>
                            {
                                var decided = decideAgain(listing, current);
                                changedThis = decided.IsSuccess && decided.Value is not null;
                                return decided;
                            },
                            ct);
                        if (!result.IsSuccess)
                        {
                            refused.Add(listing.RowKey);
                        }
                        else if (changedThis)
                        {
                            Interlocked.Increment(ref changed);
                        }
                    }
                }
            });
        return (changed, refused);
    }
}
