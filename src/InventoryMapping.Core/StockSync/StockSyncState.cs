namespace InventoryMapping.StockSync;

/// <summary>The summary's stock sync state of a channel.</summary>
/// <param name="Pending">Listings marked for the next run (counted up to <paramref name="PendingCapped"/>'s cap).</param>
/// <param name="Held">The submission the safety rail holds, if any: confirm or discard it.</param>
/// <param name="Latest">The newest submission (in flight or ended).</param>
/// <param name="LastError">The newest submission's error, if it has one.</param>
/// <param name="Conflicts">Other channels of the same region that list SKUs this channel lists (Amazon keeps one quantity per SKU per region).</param>
public sealed record StockSyncState(
    DateTimeOffset? LastRun,
    int Pending,
    bool PendingCapped,
    StockSubmission? Held,
    StockSubmission? Latest,
    string? LastError,
    DateTimeOffset? ForceUpdateAvailableAt)
{
    public IReadOnlyList<SkuConflict> Conflicts { get; init; } = [];
}
