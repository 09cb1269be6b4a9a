using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.StockMarks;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Force Update (and the pass after a rule change): every linked listing of the channel, page by page; the eligible
/// ones are marked for the stock sync, which sends them in feeds as Amazon's limits allow. The resync pass (not
/// forced) also writes each linked listing's item → listing index row, so links made before the index existed are
/// found by stock changes from then on. A dry run marks nothing and reports each eligible listing with the quantity it would send.
/// </summary>
internal sealed class ForceUpdate(ListingStore listings, PendingStockMarks marks, ItemListingIndex index, InventoryStore items)
    : JobDefinition<ForceUpdateParameters, ForceUpdateResult, ListingEntity>
{
    public const string WouldSend = "wouldSend";

    public override JobKind Kind => JobKind.ForceUpdate;

    protected override ForceUpdateParameters NoParameters => new(Force: true);

    protected override IWorkSource<ListingEntity> Source(JobEntity job, ForceUpdateParameters parameters) =>
        new ListingPartitions(listings, job.ChannelId, ListingSelections.Linked);

    protected override IPageProcessor<ListingEntity, ForceUpdateResult> Start(JobEntity job, ForceUpdateParameters parameters, Channel? channel) =>
        new Pass(marks, index, items, OnChannel(channel), parameters.Force, job.DryRun);

    private sealed class Pass(PendingStockMarks marks, ItemListingIndex index, InventoryStore items, Channel channel, bool force, bool dryRun) : IPageProcessor<ListingEntity, ForceUpdateResult>
    {
        public async Task<JobPageOutcome<ForceUpdateResult>> ProcessAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken)
        {
            var eligible = page.Where(l => SyncEligibilityRule.Of(l) == SyncEligibility.Eligible).ToList();
            var result = new ForceUpdateResult(page.Count, eligible.Count, page.Count - eligible.Count);
            if (!dryRun)
            {
                if (!force)
                {
                    // The resync pass (a channel's first sync, a rule change) backfills the index; Force Update need not:
                    // an index row lands in an item's partition, about one transaction per row, the pass's main cost.
                    await index.AddAsync([.. page.Select(l => new IndexedListing(l.LinkedItemId!, channel.ChannelId, l.RowKey))], cancellationToken);
                }

                await marks.MarkAsync(channel.ChannelId, eligible.Select(l => l.RowKey), cancellationToken, force);
                return JobPageOutcome<ForceUpdateResult>.Of(result);
            }

            var reported = new List<ReportedListing>(page.Count);
            foreach (var listing in page)
            {
                var why = SyncEligibilityRule.Of(listing);
                var item = why == SyncEligibility.Eligible ? await items.GetAsync(listing.LinkedItemId!, cancellationToken) : null;
                var quantity = item is null ? (int?)null : QuantityToList.Of(item.StockLevels, channel.LocationIds, channel.StockRules, listing.StockRules()).Quantity;
                reported.Add(new ReportedListing(listing.RowKey, listing.Sku, quantity is null ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(why.ToString()) : WouldSend, [listing.LinkedItemId!], quantity));
            }

            return new JobPageOutcome<ForceUpdateResult>(result, reported);
        }
    }
}
