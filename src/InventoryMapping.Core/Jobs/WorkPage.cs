namespace InventoryMapping.Jobs;

/// <summary>One page of a work source's part, and the cursor of the next page (null when the part is done).</summary>
internal sealed record WorkPage<TItem>(IReadOnlyList<TItem> Items, string? Next);
