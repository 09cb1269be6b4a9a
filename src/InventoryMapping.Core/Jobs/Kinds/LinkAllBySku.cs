using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Links each unlinked listing whose SKU equals an item's SKU. Normalized mode also ignores case and surrounding
/// spaces, but only where that leads to exactly one item; a listing that could match several is reported, never linked.
/// </summary>
internal sealed class LinkAllBySku(ListingStore listings, InventoryStore items, BulkLinker linker, IOptions<StorageThroughputOptions> throughput)
    : JobDefinition<LinkAllBySkuParameters, LinkAllBySkuResult, ListingEntity>
{
    public const string Linked = "linked";
    public const string NoMatch = "noMatch";
    public const string Ambiguous = "ambiguous";
    public const string ChangedMeanwhile = "changedMeanwhile";

    public override JobKind Kind => JobKind.LinkAllBySku;

    protected override LinkAllBySkuParameters NoParameters => new(SkuMatchMode.Exact);

    protected override IWorkSource<ListingEntity> Source(JobEntity job, LinkAllBySkuParameters parameters) =>
        new ListingPartitions(listings, job.ChannelId, ListingSelections.UnlinkedOrLinkedBy(job));

    protected override IPageProcessor<ListingEntity, LinkAllBySkuResult> Start(JobEntity job, LinkAllBySkuParameters parameters, Channel? channel) =>
        new Pass(this, linker, throughput.Value.PageReadsInFlight, job, OnChannel(channel), parameters.Match, new CurrentPartitionSkus(items, withNormalized: parameters.Match == SkuMatchMode.Normalized));

    protected override JobView View(LinkAllBySkuParameters parameters, LinkAllBySkuResult result) => new(result.Counters(), parameters.Match);

    private sealed class Pass(LinkAllBySku owner, BulkLinker linker, int readsInFlight, JobEntity job, Channel channel, SkuMatchMode mode, CurrentPartitionSkus partitionSkus)
        : IPageProcessor<ListingEntity, LinkAllBySkuResult>
    {
        public async Task<JobPageOutcome<LinkAllBySkuResult>> ProcessAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken)
        {
            var skus = await partitionSkus.ForPageAsync(page, cancellationToken);
            var decisions = new LinkDecision[page.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, page.Count),
                new ParallelOptions { MaxDegreeOfParallelism = readsInFlight, CancellationToken = cancellationToken },
                async (i, ct) => decisions[i] = await owner.DecideAsync(page[i], skus[i], mode, ct));

            var toLink = decisions.Where(d => d.Outcome == Linked && !(d.Listing.IsLinked && d.Listing.LinkJobId == job.JobId)).ToList();
            var skipped = job.DryRun ? [] : await linker.LinkAsync(channel.ChannelId, job.JobId, toLink, cancellationToken);

            var outcomes = decisions.Select(d => d.Outcome == Linked && skipped.Contains(d.Listing.RowKey) ? ChangedMeanwhile : d.Outcome).ToList();
            var result = new LinkAllBySkuResult(
                outcomes.Count(o => o == Linked), outcomes.Count(o => o == NoMatch), outcomes.Count(o => o == Ambiguous), outcomes.Count(o => o == ChangedMeanwhile));
            var reported = decisions.Where(d => d.Outcome == Ambiguous)
                .Select(d => new ReportedListing(d.Listing.RowKey, d.Listing.Sku, "Matches more than one item", d.ItemIds))
                .ToList();
            return new JobPageOutcome<LinkAllBySkuResult>(result, reported);
        }
    }

    private async ValueTask<LinkDecision> DecideAsync(ListingEntity listing, PartitionItemSkus skus, SkuMatchMode mode, CancellationToken cancellationToken)
    {
        if (listing.IsLinked)
        {
            // Linked by this job on an earlier attempt (the page query returns no other linked listings).
            return new LinkDecision(listing, new ItemReference(listing.LinkedItemId!, listing.Sku), Linked, []);
        }

        if (mode == SkuMatchMode.Exact)
        {
            var item = await items.ResolveAsync(skus.Reservation(listing.Sku), listing.Sku, cancellationToken);
            return item is not null && item.Sku == listing.Sku
                ? new LinkDecision(listing, item, Linked, [item.ItemId])
                : new LinkDecision(listing, null, NoMatch, []);
        }

        var candidates = skus.NormalizedMatches(listing.Sku);
        if (candidates.Count > 1)
        {
            return new LinkDecision(listing, null, Ambiguous, candidates);
        }

        // The candidate's committed reservation sits with its normalized row; an item whose reservation is not (yet) committed is read.
        var match = candidates.Count == 0 ? null
            : skus.CommittedItem(candidates[0]) ?? (await items.GetEntityAsync(candidates[0], cancellationToken) is { } entity ? new ItemReference(entity.RowKey, entity.Sku) : null);
        return match is null
            ? new LinkDecision(listing, null, NoMatch, [])
            : new LinkDecision(listing, match, Linked, [match.ItemId]);
    }
}
