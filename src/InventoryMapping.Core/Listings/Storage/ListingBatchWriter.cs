using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// Upserts many listings as Amazon describes them (reports, seeding): grouped by partition, each partition written
/// through <see cref="ListingWriter.WritePartitionAsync(string, IReadOnlyList{string}, IReadOnlyList{ListingEntity}, Func{string, ListingEntity, CancellationToken, ValueTask{Result{ListingEntity}}}, CancellationToken)"/>
/// (taken as new first, read and decided again on conflict). User-owned fields are kept.
/// </summary>
public sealed class ListingBatchWriter(ListingStore listings, ListingWriter writer, IOptions<StorageThroughputOptions> throughput, TimeProvider clock)
{
    private readonly int _partitionsInFlight = throughput.Value.ListingPartitionsInFlight;

    /// <summary>
    /// Upserts <paramref name="inputs"/> (SKUs unique within the call). <paramref name="reportId"/> marks each
    /// listing as seen in that report, so that a sweep can retire those that were not.
    /// </summary>
    /// <param name="linkNew">For a listing seen for the first time: the item to link it to, if any (auto-link by SKU).</param>
    public async Task<ListingBatchResult> UpsertAsync(
        string channelId,
        IReadOnlyList<ListingInput> inputs,
        string? reportId,
        CancellationToken cancellationToken,
        Func<string, CancellationToken, Task<Inventory.ItemReference?>>? linkNew = null)
    {
        var rejected = new List<RejectedListing>();
        var valid = new List<ListingInput>(inputs.Count);
        foreach (var input in inputs)
        {
            if (ListingRules.Check(input) is { } problem)
            {
                rejected.Add(new RejectedListing(input.Sku, problem.Field ?? "", problem.Detail));
            }
            else
            {
                valid.Add(input);
            }
        }

        var now = clock.GetUtcNow();
        var created = 0;
        var updated = 0;
        await Parallel.ForEachAsync(
            valid.GroupBy(i => ListingPartition.PartitionKeyOfSku(channelId, i.Sku!)),
            new ParallelOptions { MaxDegreeOfParallelism = _partitionsInFlight, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var (c, u) = await UpsertPartitionAsync(channelId, partition.Key, partition.ToList(), reportId, now, linkNew, ct);
                Interlocked.Add(ref created, c);
                Interlocked.Add(ref updated, u);
            });
        return new ListingBatchResult(created, updated, valid.Count - created - updated, rejected);
    }

    private async Task<(int Created, int Updated)> UpsertPartitionAsync(
        string channelId,
        string partitionKey,
        List<ListingInput> inputs,
        string? reportId,
        DateTimeOffset now,
        Func<string, CancellationToken, Task<Inventory.ItemReference?>>? linkNew,
        CancellationToken cancellationToken)
    {
        var byListing = inputs.ToDictionary(i => ListingIds.FromSku(i.Sku!), StringComparer.Ordinal);
        // First taken as new listings, which needs no reads: true of a channel's first report and of a seed; when it is
        // wrong the inserts fail as a conflict (one transaction), and the writer reads them and decides again.
        var write = await writer.WritePartitionAsync(partitionKey, [.. byListing.Keys], read: null, async (listingId, current, ct) =>
        {
            var next = ListingRules.Apply(current?.Clone(), byListing[listingId], channelId, now);
            next.LastReportId = reportId ?? next.LastReportId;
            if (current is not null && ListingRules.SameAmazonFields(current, next) && (reportId is null || current.LastReportId == reportId))
            {
                return (ListingEntity?)null;
            }

            if (current is null && linkNew is not null && await linkNew(next.Sku, ct) is { } item)
            {
                next.LinkTo(item, now, jobId: null);
            }

            return next;
        }, cancellationToken);
        return (write.Written.Count(c => c.Before is null), write.Written.Count(c => c.Before is not null && !ListingRules.SameAmazonFields(c.Before, c.After)));
    }

    /// <summary>
    /// Retires every listed listing of the channel that the complete report <paramref name="reportId"/> did not
    /// contain. Links, flags and Amazon's last word on it stay; a listing that reappears in a later report is listed
    /// again, still linked.
    /// </summary>
    public async Task<int> RetireAbsentAsync(string channelId, string reportId, CancellationToken cancellationToken)
    {
        var retired = 0;
        var now = clock.GetUtcNow();
        string? continuation = null;
        do
        {
            var page = await listings.ReadListedPageAsync(channelId, continuation, pageSize: 1000, cancellationToken);
            var absent = page.Values.Where(l => l.LastReportId != reportId).ToList();
            await Parallel.ForEachAsync(
                absent.GroupBy(l => l.PartitionKey),
                new ParallelOptions { MaxDegreeOfParallelism = _partitionsInFlight, CancellationToken = cancellationToken },
                async (partition, ct) => await writer.WritePartitionAsync(
                    partition.Key,
                    [.. partition.Select(l => l.RowKey)],
                    [.. partition],
                    (_, current) =>
                    {
                        // Decided on the row as it is: a user edit or a later report may have raced the sweep.
                        if (current is null || !current.IsListed || current.LastReportId == reportId)
                        {
                            return (ListingEntity?)null;
                        }

                        current.IsListed = false;
                        current.UpdatedAt = now;
                        return current;
                    },
                    ct));
            retired += absent.Count;
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return retired;
    }
}
