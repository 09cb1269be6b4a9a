using InventoryMapping.Inventory;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Listings;

/// <summary>
/// Shows listings with their linked items as they are now: the distinct items of the listings at hand are read
/// (point reads of three columns, bounded by the page size, <see cref="StorageThroughputOptions.PageReadsInFlight"/>
/// at a time), so renaming an item changes what its listings show at once, and no copy of its SKU is kept to go stale.
/// </summary>
public sealed class LinkedItems(InventoryStore items, IOptions<StorageThroughputOptions> throughput)
{
    private readonly int _readsInFlight = throughput.Value.PageReadsInFlight;

    internal async Task<IReadOnlyList<Listing>> ShowAsync(string channelId, IReadOnlyList<ListingEntity> rows, bool includeSyncStatus, CancellationToken cancellationToken)
    {
        var linked = await items.GetSummariesAsync(rows.Where(r => r.IsLinked && r.LinkedItemId is not null).Select(r => r.LinkedItemId!), _readsInFlight, cancellationToken);
        return [.. rows.Select(r => r.ToListing(channelId, includeSyncStatus, linked))];
    }

    internal async Task<Listing> ShowAsync(string channelId, ListingEntity row, bool includeSyncStatus, CancellationToken cancellationToken) =>
        (await ShowAsync(channelId, [row], includeSyncStatus, cancellationToken))[0];

    internal async Task<Result<Listing>> ShowAsync(string channelId, Result<ListingEntity> row, CancellationToken cancellationToken) =>
        row.IsSuccess ? await ShowAsync(channelId, row.Value, includeSyncStatus: false, cancellationToken) : row.Error;
}
