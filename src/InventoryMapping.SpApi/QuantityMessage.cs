namespace InventoryMapping.SpApi;

/// <summary>One SKU's merchant-fulfilled quantity to set: a message of a JSON_LISTINGS_FEED or one patchListingsItem.</summary>
/// <param name="MessageId">1-based, unique within its feed.</param>
public sealed record QuantityMessage(int MessageId, string Sku, int Quantity);
