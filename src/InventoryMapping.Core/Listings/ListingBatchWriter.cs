using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>
/// Upserts many listings as Amazon describes them (reports, seeding): grouped by partition, current rows read in
/// parallel, then written with their partition's counts in full transactions. User-owned fields are kept.
/// </summary>
public sealed class ListingBatchWriter(AppStorage storage, ListingWriter writer, TimeProvider clock)
{
    public const int Parallelism = 16;

    /// <summary>
    /// Upserts <paramref name="inputs"/> (SKUs unique within the call). <paramref name="reportId"/> marks each
    /// listing as seen in that report, so that a sweep can retire those that were not.
    /// </summary>
    public async Task<ListingBatchResult> UpsertAsync(string channelId, IReadOnlyList<ListingInput> inputs, string? reportId, CancellationToken cancellationToken)
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
            valid.GroupBy(i => ListingShard.PartitionKeyOf(channelId, ListingIds.FromSku(i.Sku!))),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var (c, u) = await UpsertPartitionAsync(channelId, partition.Key, partition.ToList(), reportId, now, ct);
                Interlocked.Add(ref created, c);
                Interlocked.Add(ref updated, u);
            });
        return new ListingBatchResult(created, updated, valid.Count - created - updated, rejected);
    }

    private async Task<(int Created, int Updated)> UpsertPartitionAsync(
        string channelId, string partitionKey, List<ListingInput> inputs, string? reportId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await Task.WhenAll(inputs.Select(async input =>
            {
                var row = await storage.Listings.GetEntityIfExistsAsync<ListingEntity>(partitionKey, ListingIds.FromSku(input.Sku!), cancellationToken: cancellationToken);
                return row.HasValue ? row.Value : null;
            }));

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

            try
            {
                await writer.CommitAsync(partitionKey, changes, cancellationToken);
                var createdCount = changes.Count(c => c.Before is null);
                return (createdCount, changes.Count(c => c.Before is not null && !ListingService.SameAmazonFields(c.Before, c.After)));
            }
            catch (ListingChangedException) when (attempt < 5)
            {
                // A user edited one of these listings meanwhile: read again, keeping their change.
            }
        }
    }
}
