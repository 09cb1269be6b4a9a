using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.ListingReports;

/// <summary>Reads of the ReportRequests table; the lifecycle writes it.</summary>
public sealed class ReportRequestStore(AppStorage storage)
{
    internal TableClient Table => storage.ReportRequests;

    /// <summary>Every report request of the channel and its in-flight slot (a deleted channel's): how many requests went.</summary>
    internal Task<long> RemoveChannelAsync(string channelId, CancellationToken cancellationToken) =>
        storage.ReportRequests.DeletePartitionAsync(channelId, cancellationToken, counted: rowKey => !rowKey.StartsWith('!'));

    /// <summary>The newest request of the channel.</summary>
    public async Task<ReportRequest?> GetLatestAsync(string channelId, CancellationToken cancellationToken) =>
        (await Lifecycle.TrackedRows.LatestAsync<ReportRequestEntity>(storage.ReportRequests, channelId, cancellationToken))?.ToRequest();
}
