namespace InventoryMapping.AmazonSandbox;

/// <summary>A listing in the sandbox's catalogue; <paramref name="Quantity"/> is null for FBA listings, as Amazon reports them.</summary>
public sealed record SandboxListing(
    string Sku,
    string Title,
    string Asin,
    decimal Price,
    int? Quantity,
    string FulfillmentChannel = "DEFAULT",
    string Status = "Active",
    string ListingId = "",
    string Description = "",
    string OpenDate = "2024-03-10 20:11:24 PST",
    string ProductIdType = "1",
    string ProductId = "");
