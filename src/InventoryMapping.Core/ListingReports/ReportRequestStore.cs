using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.ListingReports;

/// <summary>Reads of the ReportRequests table; the lifecycle writes it.</summary>
public sealed class ReportRequestStore(AppStorage storage)
{
    internal TableClient Table => storage.ReportRequests;

    /// <summary>The newest request of the channel.</summary>
    public async Task<ReportRequest?> GetLatestAsync(string channelId, CancellationToken cancellationToken) =>
        (await Lifecycle.TrackedRows.LatestAsync<ReportRequestEntity>(storage.ReportRequests, channelId, cancellationToken))?.ToRequest();
}
