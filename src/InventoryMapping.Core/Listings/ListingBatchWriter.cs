using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>
/// Upserts many listings as Amazon describes them (reports, seeding): grouped by partition, current rows read in
/// parallel, then written with their partition's counts in full transactions. User-owned fields are kept.
/// </summary>
public sealed class ListingBatchWriter(AppStorage storage, ListingStore listings, ListingWriter writer, TimeProvider clock)
{
    public const int Parallelism = 16;

    /// <summary>Point reads in flight per partition: with <see cref="Parallelism"/> partitions, bounds the connections.</summary>
    private const int ReadsInFlightPerPartition = 8;

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
            if (ListingService.Check(input) is { } problem)
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
            valid.GroupBy(i => ListingShard.PartitionKeyOfSku(channelId, i.Sku!)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
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
        for (var attempt = 0; ; attempt++)
        {
            // First try them as new listings, which needs no reads: true of a channel's first report and of a seed,
            // and when it is wrong the inserts fail as a conflict (one transaction) and the next attempt reads.
            var current = attempt == 0 ? new ListingEntity?[inputs.Count] : await ReadCurrentAsync(partitionKey, inputs, cancellationToken);
            var changes = new List<ListingChange>();
            for (var i = 0; i < inputs.Count; i++)
            {
                var next = ListingService.Apply(current[i]?.Clone(), inputs[i], channelId, now);
                next.LastReportId = reportId ?? next.LastReportId;
                if (current[i] is null || !ListingService.SameAmazonFields(current[i]!, next) || (reportId is not null && current[i]!.LastReportId != reportId))
                {
                    changes.Add(new ListingChange(current[i], next));
                }
            }

            if (linkNew is not null)
            {
                foreach (var change in changes.Where(c => c.Before is null))
                {
                    if (await linkNew(change.After.Sku, cancellationToken) is { } item)
                    {
                        Mapping.ListingLinks.LinkTo(change.After, item, now, jobId: null);
                    }
                }
            }

            try
            {
                await writer.CommitAsync(partitionKey, changes, cancellationToken);
                var createdCount = changes.Count(c => c.Before is null);
                return (createdCount, changes.Count(c => c.Before is not null && !ListingService.SameAmazonFields(c.Before, c.After)));
            }
            catch (ListingChangedException) when (attempt < 5)
            {
                // Some already existed, or a user edited one meanwhile: read them, keeping user-owned fields.
            }
        }
    }

    private async Task<ListingEntity?[]> ReadCurrentAsync(string partitionKey, List<ListingInput> inputs, CancellationToken cancellationToken)
    {
        var current = new ListingEntity?[inputs.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadsInFlightPerPartition, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var row = await storage.Listings.GetEntityIfExistsAsync<ListingEntity>(partitionKey, ListingIds.FromSku(inputs[i].Sku!), cancellationToken: ct);
                current[i] = row.HasValue ? row.Value : null;
            });
        return current;
    }

    /// <summary>
    /// Marks inactive every active listing of the channel that the complete report <paramref name="reportId"/> did
    /// not contain. Links and flags stay; a listing that reappears in a later report is active again, still linked.
    /// </summary>
    public async Task<int> RetireAbsentAsync(string channelId, string reportId, CancellationToken cancellationToken)
    {
        var retired = 0;
        var now = clock.GetUtcNow();
        string? continuation = null;
        do
        {
            var page = await listings.ReadPageAsync(channelId, isActive: true, continuation, pageSize: 1000, cancellationToken);
            var absent = page.Values.Where(l => l.LastReportId != reportId).ToList();
            await Parallel.ForEachAsync(
                absent.GroupBy(l => l.PartitionKey),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (partition, ct) =>
                {
                    var changes = partition.Select(l =>
                    {
                        var next = l.Clone();
                        next.IsActive = false;
                        next.UpdatedAt = now;
                        return new ListingChange(l, next);
                    }).ToList();
                    try
                    {
                        await writer.CommitAsync(partition.Key, changes, ct);
                    }
                    catch (ListingChangedException)
                    {
                        // A user edit raced the sweep: settle those listings one by one on their latest state.
                        foreach (var listing in partition)
                        {
                            await writer.UpsertAsync(channelId, listing.RowKey, null, current =>
                            {
                                if (current is null || !current.IsActive || current.LastReportId == reportId)
                                {
                                    return (ListingEntity?)null;
                                }

                                current.IsActive = false;
                                current.UpdatedAt = now;
                                return current;
                            }, ct);
                        }
                    }
                });
            retired += absent.Count;
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return retired;
    }
}
