using InventoryMapping.Channels;

namespace InventoryMapping.Listings;

/// <summary>
/// The quantity a listing offers on Amazon, with the figures it came from, so a seller can see why. The one function
/// that decides it is <see cref="Of"/>; the stock sync sends what it answers.
/// </summary>
/// <param name="Quantity">What is sent: never negative, never above <see cref="AmazonMaxQuantity"/>.</param>
/// <param name="Available">The linked item's stock summed over the channel's locations.</param>
/// <param name="StockLevels">The item's stock at each of the channel's locations (0 where it has none).</param>
/// <param name="StockPercentage">The share applied (the listing's override, else the channel's, else 100).</param>
/// <param name="MaxListedQuantity">The cap applied, if any.</param>
/// <param name="EndWhenStock">The threshold applied, if any: at or below it, 0 is listed.</param>
/// <param name="Ended">Whether <paramref name="EndWhenStock"/> set the quantity to 0.</param>
public sealed record QuantityToList(
    int Quantity,
    long Available,
    IReadOnlyDictionary<string, int> StockLevels,
    int StockPercentage,
    int? MaxListedQuantity,
    int? EndWhenStock,
    bool Ended)
{
    /// <summary>
    /// The highest quantity we send. The models do not state Amazon's maximum; Seller Central refuses quantities of a
    /// million and more, so this keeps below that.
    /// </summary>
    public const int AmazonMaxQuantity = 999_999;

    /// <summary>
    /// available = Σ stock over <paramref name="locationIds"/>; 0 when available ≤ endWhenStock; else
    /// ⌊available × stockPercentage / 100⌋, at most maxListedQuantity; then within 0 … <see cref="AmazonMaxQuantity"/>.
    /// Each rule is the listing's when it has one, else the channel's.
    /// </summary>
    public static QuantityToList Of(IReadOnlyDictionary<string, int> stockLevels, IReadOnlyList<string> locationIds, StockRules channel, StockRules listing)
    {
        var levels = new Dictionary<string, int>(locationIds.Count, StringComparer.Ordinal);
        long available = 0;
        foreach (var locationId in locationIds)
        {
            var level = Math.Max(0, stockLevels.GetValueOrDefault(locationId));
            levels[locationId] = level;
            available += level;
        }

        var percentage = Math.Clamp(listing.StockPercentage ?? channel.StockPercentage ?? 100, 0, 100);
        var max = listing.MaxListedQuantity ?? channel.MaxListedQuantity;
        var end = listing.EndWhenStock ?? channel.EndWhenStock;
        if (end is { } threshold && available <= threshold)
        {
            return new QuantityToList(0, available, levels, percentage, max, end, Ended: true);
        }

        var quantity = available * percentage / 100;
        if (max is { } cap)
        {
            quantity = Math.Min(quantity, Math.Max(0, cap));
        }

        return new QuantityToList((int)Math.Clamp(quantity, 0, AmazonMaxQuantity), available, levels, percentage, max, end, Ended: false);
    }
}
