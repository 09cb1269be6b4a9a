namespace InventoryMapping.Mapping;

/// <summary>The item to link to: exactly one of its id or its SKU.</summary>
public sealed record LinkTarget(string? ItemId, string? ItemSku);
