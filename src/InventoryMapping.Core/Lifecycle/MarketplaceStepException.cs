namespace InventoryMapping.Lifecycle;

/// <summary>
/// A step's failure with one marketplace's part of a request (one of several reports): classified as its cause, the
/// stored reason naming the marketplace.
/// </summary>
public sealed class MarketplaceStepException(string marketplaceId, Exception cause)
    : Exception($"Marketplace {marketplaceId}: {cause.Message}", cause)
{
    public string MarketplaceId => marketplaceId;
}
