using Azure;
using Azure.Data.Tables;
using InventoryMapping.Channels;
using InventoryMapping.ListingReports;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Removes what a deleted channel had (see <see cref="ChannelDeletion"/>): its listings, a page of each listing
/// partition at a time (bulk work, resumable, bounded memory, whatever the channel's size), each page with its links'
/// item → listing index rows and its SKU claims; then, once, its partitions' count rows and published counts, its
/// report requests and in-flight slot, its job index, its pending stock marks, and its row. Its jobs
/// stay readable by id. Every step deletes by key and tolerates rows already gone, so a re-run ends the same.
/// </summary>
internal sealed class DeleteChannel(
    ListingStore listings,
    ListingWriter writer,
    ReportRequestStore reports,
    ChannelStore channels,
    AppStorage storage,
    StockMarks.ItemListingIndex links,
    StockMarks.PendingStockMarks marks,
    StockSync.SkuClaims claims)
    : JobDefinition<DeleteChannelParameters, DeleteChannelResult, ListingEntity>
{
    public const string ListingsRemoved = "listingsRemoved";
    public const string ReportRequestsRemoved = "reportRequestsRemoved";

    public override JobKind Kind => JobKind.DeleteChannel;

    /// <summary>The channel reads as gone from the start: this job works on what it left.</summary>
    public override bool NeedsChannel => false;

    protected override DeleteChannelParameters NoParameters => new();

    protected override IWorkSource<ListingEntity> Source(JobEntity job, DeleteChannelParameters parameters) =>
        new ListingPartitions(listings, job.ChannelId, TableClient.CreateQueryFilter($"RowKey ge {ListingPartition.FirstListingRowKey}"));

    protected override IPageProcessor<ListingEntity, DeleteChannelResult> Start(JobEntity job, DeleteChannelParameters parameters, Channel? channel) =>
        new Pass(writer, links, claims, channels, job.ChannelId);

    protected override async Task<DeleteChannelResult> CompleteAsync(
        JobEntity job, DeleteChannelParameters parameters, DeleteChannelResult result, Channel? channel, CancellationToken cancellationToken)
    {
        for (var partition = 0; partition < ListingPartition.Count; partition++)
        {
            await writer.RemoveAsync(ListingPartition.PartitionKey(job.ChannelId, partition), [ListingPartition.CountsRowKey], cancellationToken);
        }

        await storage.Channels.TryDeleteAsync(ChannelCountsEntity.Partition, job.ChannelId, ETag.All, cancellationToken);
        var requests = await reports.RemoveChannelAsync(job.ChannelId, cancellationToken);
        await JobStore.RemoveChannelIndexAsync(storage, job.ChannelId, cancellationToken);
        await marks.RemoveChannelAsync(job.ChannelId, cancellationToken);
        await channels.RemoveAsync(job.ChannelId, cancellationToken);
        // A re-run after a crash finds the requests already gone: it keeps the count of the run that removed them.
        return result with { ReportRequestsRemoved = Math.Max(result.ReportRequestsRemoved, requests) };
    }

    /// <summary>
    /// Per page, before its listings go (so a re-run after a crash reads them again): the item → listing index rows of
    /// its links, and the SKU claims of its listings with their conflict rows on both sides, so no other channel of the
    /// seller keeps a conflict with a channel that is gone and no item's stock change marks a listing that is gone.
    /// </summary>
    private sealed class Pass(ListingWriter writer, StockMarks.ItemListingIndex links, StockSync.SkuClaims claims, ChannelStore channels, string channelId)
        : IPageProcessor<ListingEntity, DeleteChannelResult>
    {
        private Channel? _deleted;

        public async Task<JobPageOutcome<DeleteChannelResult>> ProcessAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken)
        {
            await links.RemoveAsync([.. page.Where(l => l is { IsLinked: true, LinkedItemId: not null }).Select(l => new StockMarks.IndexedListing(l.LinkedItemId!, channelId, l.RowKey))], cancellationToken);
            var claimed = page.Where(l => l.SkuClaimed || l.SyncUpdateDate is not null).Select(l => new StockSync.ClaimedSku(l.RowKey, l.Sku)).ToList();
            if (claimed.Count > 0)
            {
                // The channel's row (marked deleted) holds the seller and region its claims are under until the completion step removes it.
                _deleted ??= (await channels.GetEntityAsync(channelId, cancellationToken))?.ToChannel();
                if (_deleted is not null)
                {
                    await claims.ReleaseAsync(_deleted, claimed, cancellationToken);
                }
            }

            var removed = 0L;
            foreach (var partition in page.GroupBy(l => l.PartitionKey, StringComparer.Ordinal))
            {
                removed += await writer.RemoveAsync(partition.Key, partition.Select(l => l.RowKey), cancellationToken);
            }

            return JobPageOutcome<DeleteChannelResult>.Of(new DeleteChannelResult(removed, 0));
        }
    }
}
