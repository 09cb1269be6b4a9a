using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs;
using InventoryMapping.Listings;

namespace InventoryMapping.Mapping;

/// <summary>
/// Links each unlinked listing whose SKU equals an item's SKU. Normalized mode also ignores case and surrounding
/// spaces, but only where that leads to exactly one item; a listing that could match several is reported, never linked.
/// </summary>
internal sealed class LinkAllBySku(InventoryStore items, BulkLinker linker) : IListingJob
{
    public const string Linked = "linked";
    public const string NoMatch = "noMatch";
    public const string Ambiguous = "ambiguous";
    public const string ChangedMeanwhile = "changedMeanwhile";

    public JobKind Kind => JobKind.LinkAllBySku;

    public async Task<JobPageOutcome> ProcessAsync(JobEntity job, Channel channel, IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken)
    {
        var mode = Enum.Parse<SkuMatchMode>(job.Match);
        var decisions = new LinkDecision[page.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, page.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => decisions[i] = await DecideAsync(page[i], mode, job.JobId, ct));

        var toLink = decisions.Where(d => d.Outcome == Linked && !(d.Listing.IsLinked && d.Listing.LinkJobId == job.JobId)).ToList();
        var skipped = job.DryRun ? [] : await linker.LinkAsync(channel.ChannelId, job.JobId, toLink, cancellationToken);

        var outcomes = decisions.Select(d => d.Outcome == Linked && skipped.Contains(d.Listing.RowKey) ? ChangedMeanwhile : d.Outcome).ToList();
        var counts = outcomes.GroupBy(o => o).ToDictionary(g => g.Key, g => (long)g.Count());
        var reported = decisions.Where(d => d.Outcome == Ambiguous)
            .Select(d => new ReportedListing(d.Listing.RowKey, d.Listing.Sku, "Matches more than one item", d.ItemIds))
            .ToList();
        return new JobPageOutcome(counts, reported);
    }

    private async Task<LinkDecision> DecideAsync(ListingEntity listing, SkuMatchMode mode, string jobId, CancellationToken cancellationToken)
    {
        if (listing.IsLinked)
        {
            // Linked by this job on an earlier attempt (the page query returns no other linked listings).
            return new LinkDecision(listing, new ItemReference(listing.LinkedItemId!, listing.LinkedItemSku ?? ""), Linked, []);
        }

        if (mode == SkuMatchMode.Exact)
        {
            var item = await items.FindBySkuAsync(listing.Sku, cancellationToken);
            return item is not null && item.Sku == listing.Sku
                ? new LinkDecision(listing, item, Linked, [item.ItemId])
                : new LinkDecision(listing, null, NoMatch, []);
        }

        var candidates = await items.FindByNormalizedSkuAsync(listing.Sku, cancellationToken);
        if (candidates.Count > 1)
        {
            return new LinkDecision(listing, null, Ambiguous, candidates);
        }

        var match = candidates.Count == 1 ? await items.GetEntityAsync(candidates[0], cancellationToken) : null;
        return match is null
            ? new LinkDecision(listing, null, NoMatch, [])
            : new LinkDecision(listing, new ItemReference(match.RowKey, match.Sku), Linked, [match.RowKey]);
    }
}
