using System.Globalization;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Mapping;

/// <summary>
/// What a bulk edit (an import) sets of a listing's own stock rules: each rule it names (<c>Sets…</c>) to its value,
/// null being "the channel's rule"; the rules it does not name stay as they are.
/// </summary>
internal sealed record StockRulesEdit(
    bool SetsStockPercentage,
    int? StockPercentage,
    bool SetsMaxListedQuantity,
    int? MaxListedQuantity,
    bool SetsEndWhenStock,
    int? EndWhenStock)
{
    /// <summary>Sets the named rules on <paramref name="listing"/>; whether any changed.</summary>
    public bool ApplyTo(ListingEntity listing)
    {
        var changed = false;
        if (SetsStockPercentage && listing.StockPercentage != StockPercentage)
        {
            (listing.StockPercentage, changed) = (StockPercentage, true);
        }

        if (SetsMaxListedQuantity && listing.MaxListedQuantity != MaxListedQuantity)
        {
            (listing.MaxListedQuantity, changed) = (MaxListedQuantity, true);
        }

        if (SetsEndWhenStock && listing.EndWhenStock != EndWhenStock)
        {
            (listing.EndWhenStock, changed) = (EndWhenStock, true);
        }

        return changed;
    }

    /// <summary>What it sets, as text: two rows setting the same rules to the same values have the same.</summary>
    public string Fingerprint() => string.Join(
        ',',
        Value(SetsStockPercentage, StockPercentage),
        Value(SetsMaxListedQuantity, MaxListedQuantity),
        Value(SetsEndWhenStock, EndWhenStock));

    private static string Value(bool sets, int? value) => !sets ? "" : value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
