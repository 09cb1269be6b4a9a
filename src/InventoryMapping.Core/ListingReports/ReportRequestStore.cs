using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.ListingReports;

/// <summary>Reads of the ReportRequests table; the lifecycle writes it.</summary>
public sealed class ReportRequestStore(AppStorage storage)
{
    internal TableClient Table => storage.ReportRequests;

    /// <summary>The newest request of the channel: the first request row (log-tail keys, digits; slot rows start with <c>!</c>).</summary>
    /// <summary>Every report request of the channel and its in-flight slot (a deleted channel's): how many requests went.</summary>
    internal Task<long> RemoveChannelAsync(string channelId, CancellationToken cancellationToken) =>
        storage.ReportRequests.DeletePartitionAsync(channelId, cancellationToken, counted: rowKey => !rowKey.StartsWith('!'));

    public async Task<ReportRequest?> GetLatestAsync(string channelId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {channelId} and RowKey ge {"0"}");
        var page = await storage.ReportRequests.ReadPageAsync<ReportRequestEntity>(filter, continuation: null, pageSize: 1, cancellationToken);
        return page.Values.FirstOrDefault()?.ToRequest();
    }
}
