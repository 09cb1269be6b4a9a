using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Lifecycle;

/// <summary>Writes of the lifecycle's rows (slots and requests), each under its ETag.</summary>
internal static class TrackedRows
{
    /// <summary>Inserts or replaces under the row's ETag; false when someone else changed it first (or it is gone).</summary>
    public static async Task<bool> TrySaveAsync<T>(TableClient table, T row, CancellationToken cancellationToken)
        where T : ITableEntity =>
        await table.TryWriteAsync(row, cancellationToken) == WriteOutcome.Written;
}
