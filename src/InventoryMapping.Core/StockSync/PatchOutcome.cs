namespace InventoryMapping.StockSync;

/// <summary>What patchListingsItem answered for one planned quantity: <paramref name="Error"/> null when ACCEPTED.</summary>
public sealed record PatchOutcome(int MessageId, string? Error);
