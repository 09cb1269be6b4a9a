namespace InventoryMapping.ListingReports;

/// <summary>
/// The channel's listings download as the summary shows it: never requested, requested at T, in progress,
/// listings as of T, or failed (reason). <paramref name="Latest"/> is the newest request, whatever its outcome.
/// </summary>
public sealed record ChannelReportState(string State, DateTimeOffset? ListingsAsOf, ReportRequest? Latest)
{
    /// <summary>
    /// A request in flight shows its status; so does a settled one that failed or had no data (the seller should see
    /// why); otherwise the listings are current once any report was ingested.
    /// </summary>
    public static ChannelReportState Of(ReportRequest? latest, bool inFlight, DateTimeOffset? listingsAsOf)
    {
        var state = latest switch
        {
            null => "neverRequested",
            _ when inFlight => Camel(latest.Status),
            { Status: ReportRequestStatus.Failed or ReportRequestStatus.NoData or ReportRequestStatus.Held } => Camel(latest.Status),
            _ when listingsAsOf is not null => "current",
            _ => Camel(latest.Status),
        };
        return new ChannelReportState(state, listingsAsOf, latest);
    }

    private static string Camel(ReportRequestStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];
}
