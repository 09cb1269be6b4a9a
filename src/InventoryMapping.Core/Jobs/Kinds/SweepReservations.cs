using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Resolves SKU reservations a crash left uncommitted (an item's creation reserves its SKU, writes the item, then
/// commits the reservation). A reservation whose item exists is committed against it, finishing the creation (its
/// lookup rows too); one without an item, older than <see cref="ItemWriter.AbandonedReservationAge"/>, is released.
/// Younger ones may belong to a creation under way and are left, counted. Not tied to a channel.
/// </summary>
internal sealed class SweepReservations(InventoryStore items, ItemWriter writer, IOptions<StorageThroughputOptions> throughput, TimeProvider clock)
    : JobDefinition<SweepReservationsParameters, SweepReservationsResult, ItemSkuEntity>
{
    /// <summary>The counter of reservations left because their item may still be on its way: what stays unresolved.</summary>
    public const string InFlight = "inFlight";

    private readonly int _readsInFlight = throughput.Value.PageReadsInFlight;

    public override JobKind Kind => JobKind.SweepReservations;

    protected override SweepReservationsParameters NoParameters => new();

    protected override IWorkSource<ItemSkuEntity> Source(JobEntity job, SweepReservationsParameters parameters) => new ItemSkuReservations(items);

    protected override IPageProcessor<ItemSkuEntity, SweepReservationsResult> Start(JobEntity job, SweepReservationsParameters parameters, Channel? channel) =>
        new Pass(this);

    private sealed class Pass(SweepReservations owner) : IPageProcessor<ItemSkuEntity, SweepReservationsResult>
    {
        public async Task<JobPageOutcome<SweepReservationsResult>> ProcessAsync(IReadOnlyList<ItemSkuEntity> page, CancellationToken cancellationToken)
        {
            var outcomes = new SweepReservationsResult[page.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, page.Count),
                new ParallelOptions { MaxDegreeOfParallelism = owner._readsInFlight, CancellationToken = cancellationToken },
                async (i, ct) => outcomes[i] = await owner.ResolveAsync(page[i], ct));
            return JobPageOutcome<SweepReservationsResult>.Of(outcomes.Aggregate(SweepReservationsResult.Zero, (sum, one) => sum.Plus(one)));
        }
    }

    private async Task<SweepReservationsResult> ResolveAsync(ItemSkuEntity reservation, CancellationToken cancellationToken)
    {
        var item = reservation.ItemId is { } itemId ? await items.GetEntityAsync(itemId, cancellationToken) : null;
        if (item is not null && ItemSkuKeys.UniqueRow(item.Sku).RowKey == reservation.RowKey)
        {
            // Creating the item again is idempotent: it finds its own reservation, writes the lookups, commits.
            await writer.CreateManyAsync([item], cancellationToken);
            return new SweepReservationsResult(1, 1, 0, 0);
        }

        if (clock.GetUtcNow() - reservation.Timestamp < ItemWriter.AbandonedReservationAge)
        {
            return new SweepReservationsResult(1, 0, 0, 1);
        }

        return await writer.ReleaseReservationAsync(reservation, cancellationToken)
            ? new SweepReservationsResult(1, 0, 1, 0)
            : new SweepReservationsResult(1, 0, 0, 0);
    }
}
