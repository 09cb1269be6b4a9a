using InventoryMapping.Inventory;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Inventory;

public sealed class SearchSnapshotFunctions(ItemSearchIndex index)
{
    /// <summary>
    /// Every 10 minutes: a snapshot of the search index, so a fresh instance reads one blob and at most ten minutes
    /// of change log; then change-log rows older than the retention are pruned. Not a deployment setting: the cost
    /// trade-off is the code's (docs/architecture.md).
    /// </summary>
    [Function("WriteSearchSnapshot")]
    public Task Write([TimerTrigger("0 */10 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        index.WriteSnapshotAsync(cancellationToken);
}
