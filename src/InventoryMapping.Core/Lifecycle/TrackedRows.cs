using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Lifecycle;

/// <summary>Writes of the lifecycle's rows (slots and requests), each under its ETag.</summary>
internal static class TrackedRows
{
    /// <summary>Inserts or replaces under the row's ETag; false when someone else changed it first.</summary>
    public static async Task<bool> TrySaveAsync(TableClient table, ITableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            Response response = row.ETag == default
                ? await table.AddEntityAsync(row, cancellationToken)
                : await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
