using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Inventory;

/// <summary>
/// The SKU and title of many items by id, for bulk work that shows them beside their listings (the export): from
/// this instance's search index, which holds every item and has read the change log at most <see cref="MaxAge"/>
/// ago; an item the index holds nothing of (a change it has not read yet, or whose log write a crash lost) is read
/// from storage. So an answer includes every change logged more than <see cref="MaxAge"/> before it (normally
/// one poll interval and a log read: ~3 s); see docs/csv.md, "LinkedItemSku and LinkedItemTitle".
/// </summary>
public sealed class ItemSummaries(ItemSearchIndex index, InventoryStore items, IOptions<StorageThroughputOptions> throughput)
{
    /// <summary>How long ago the index may have last read the change log; older, it reads it first.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly int _readsInFlight = throughput.Value.PageReadsInFlight;

    /// <summary>The items that exist and are not deleted, by id; an unknown or deleted item is left out.</summary>
    internal async Task<IReadOnlyDictionary<string, ItemSummary>> GetAsync(IEnumerable<string> itemIds, CancellationToken cancellationToken)
    {
        var state = await index.CurrentAsync(MaxAge, cancellationToken);
        var found = new Dictionary<string, ItemSummary>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var itemId in itemIds.Where(ItemIds.IsValid).Distinct(StringComparer.Ordinal))
        {
            if (!state.TryGet(ItemSearchCatalog.IdKey(itemId), out var item))
            {
                unknown.Add(itemId);
            }
            else if (item is not null)
            {
                found[itemId] = item;
            }
        }

        if (unknown.Count > 0)
        {
            foreach (var (itemId, item) in await items.GetSummariesAsync(unknown, _readsInFlight, cancellationToken))
            {
                found[itemId] = item;
            }
        }

        return found;
    }
}
