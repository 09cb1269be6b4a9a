namespace InventoryMapping.Channels;

/// <summary>
/// How much of an item's available stock a listing offers on Amazon. Each value is a channel's default that a listing
/// may override (a listing's value wins; null there means the channel's). See <c>StockSync.QuantityToList</c>.
/// </summary>
/// <param name="StockPercentage">Share of the available stock to list, 0–100, rounded down; null = 100.</param>
/// <param name="MaxListedQuantity">Never list more than this; null = no cap of ours.</param>
/// <param name="EndWhenStock">List 0 when the available stock is at most this; null = only when nothing is available.</param>
public sealed record StockRules(int? StockPercentage = null, int? MaxListedQuantity = null, int? EndWhenStock = null)
{
    public static StockRules None { get; } = new();

    /// <summary>The problem with one of the values, naming it under <paramref name="prefix"/>; null when all are valid.</summary>
    public DomainError? Problem(string prefix)
    {
        if (StockPercentage is < 0 or > 100)
        {
            return DomainError.Invalid(prefix + "stockPercentage", "stockPercentage is 0 to 100 (or null for the default).");
        }

        if (MaxListedQuantity is < 0)
        {
            return DomainError.Invalid(prefix + "maxListedQuantity", "maxListedQuantity may not be negative.");
        }

        return EndWhenStock is < 0 ? DomainError.Invalid(prefix + "endWhenStock", "endWhenStock may not be negative.") : null;
    }
}
