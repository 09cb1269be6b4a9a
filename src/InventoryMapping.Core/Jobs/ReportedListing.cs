namespace InventoryMapping.Jobs;

/// <summary>A listing a job left alone and why, with the items involved; a Force Update dry run also says the quantity it would send.</summary>
public sealed record ReportedListing(string ListingId, string Sku, string Reason, IReadOnlyList<string> ItemIds, int? Quantity = null)
{
    /// <summary>For a row of an imported file: its physical line (1-based).</summary>
    public long? Line { get; init; }

    /// <summary>For a row of an imported file: the column at fault, as the header names it.</summary>
    public string? Column { get; init; }
}
