using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.ListingReports;

public sealed class ReportRequestStore(AppStorage storage)
{
    internal async Task<ReportRequestEntity> GetStateAsync(string channelId, CancellationToken cancellationToken)
    {
        var row = await storage.ReportRequests.GetEntityIfExistsAsync<ReportRequestEntity>(channelId, ReportRequestEntity.StateRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : new ReportRequestEntity { PartitionKey = channelId, RowKey = ReportRequestEntity.StateRow };
    }

    internal async Task<ReportRequestEntity?> GetAsync(string channelId, string requestId, CancellationToken cancellationToken)
    {
        var row = await storage.ReportRequests.GetEntityIfExistsAsync<ReportRequestEntity>(channelId, requestId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The newest request of the channel: the first row after the state row (log-tail keys).</summary>
    public async Task<ReportRequest?> GetLatestAsync(string channelId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {channelId} and RowKey gt {ReportRequestEntity.StateRow}");
        var page = await storage.ReportRequests.ReadPageAsync<ReportRequestEntity>(filter, continuation: null, pageSize: 1, cancellationToken);
        return page.Values.FirstOrDefault()?.ToRequest();
    }

    /// <summary>Inserts or replaces under the row's ETag; false when someone else changed it first.</summary>
    internal async Task<bool> TrySaveAsync(ReportRequestEntity row, CancellationToken cancellationToken)
    {
        try
        {
            Response response = row.ETag == default
                ? await storage.ReportRequests.AddEntityAsync(row, cancellationToken)
                : await storage.ReportRequests.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
