using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Lifecycle;

/// <summary>Writes of the lifecycle's rows (slots and requests), each under its ETag.</summary>
public static class TrackedRows
{
    /// <summary>The newest request of the channel: the first request row (log-tail keys, digits; slot rows start with <c>!</c>).</summary>
    public static async Task<T?> LatestAsync<T>(TableClient table, string channelId, CancellationToken cancellationToken)
        where T : class, ITrackedRequest
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {channelId} and RowKey ge {"0"}");
        var page = await table.ReadPageAsync<T>(filter, continuation: null, pageSize: 1, cancellationToken);
        return page.Values.FirstOrDefault();
    }

    /// <summary>Inserts or replaces under the row's ETag; false when someone else changed it first (or it is gone).</summary>
    internal static async Task<bool> TrySaveAsync<T>(TableClient table, T row, CancellationToken cancellationToken)
        where T : ITableEntity =>
        await table.TryWriteAsync(row, cancellationToken) == WriteOutcome.Written;
}
