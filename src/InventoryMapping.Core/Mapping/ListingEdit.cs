using InventoryMapping.Inventory;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Mapping;

/// <summary>
/// What a bulk edit (an import) sets on one listing: its link when <paramref name="SetsLink"/> (to
/// <paramref name="Item"/>, or unlinked when that is null), Ignore Sync when <paramref name="IgnoreSync"/> has a
/// value, and the stock rules <paramref name="StockRules"/> names. The writer marks the listing for the stock sync
/// when any of them changes (<see cref="Listings.Storage.ListingSyncTriggers"/>).
/// </summary>
internal sealed record ListingEdit(ListingEntity Listing, bool SetsLink, ItemReference? Item, bool? IgnoreSync, StockRulesEdit? StockRules = null)
{
    /// <summary>The listing with the edit applied, or null when it already is so (applying is idempotent).</summary>
    public ListingEntity? Apply(ListingEntity current, DateTimeOffset now, string jobId)
    {
        var changed = false;
        if (SetsLink && Item is { } item && !(current.IsLinked && current.LinkedItemId == item.ItemId))
        {
            current.LinkTo(item, now, jobId);
            changed = true;
        }
        else if (SetsLink && Item is null && current.IsLinked)
        {
            current.Unlink(now);
            changed = true;
        }

        if (IgnoreSync is { } ignore && current.IgnoreSync != ignore)
        {
            current.IgnoreSync = ignore;
            changed = true;
        }

        changed |= StockRules?.ApplyTo(current) == true;
        if (changed)
        {
            current.UpdatedAt = now;
            current.EditJobId = jobId;
        }

        return changed ? current : null;
    }
}
