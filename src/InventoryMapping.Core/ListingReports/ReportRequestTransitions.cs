namespace InventoryMapping.ListingReports;

/// <summary>The report request's state machine: which status may follow which. Anything else is a bug and throws.</summary>
public static class ReportRequestTransitions
{
    private static readonly Dictionary<ReportRequestStatus, ReportRequestStatus[]> s_next = new()
    {
        [ReportRequestStatus.Requested] = [ReportRequestStatus.InProgress, ReportRequestStatus.Ingesting, ReportRequestStatus.NoData, ReportRequestStatus.Failed, ReportRequestStatus.Replaced],
        [ReportRequestStatus.InProgress] = [ReportRequestStatus.Ingesting, ReportRequestStatus.NoData, ReportRequestStatus.Failed, ReportRequestStatus.Replaced],
        [ReportRequestStatus.Ingesting] = [ReportRequestStatus.Ingested, ReportRequestStatus.Held, ReportRequestStatus.Failed],
        [ReportRequestStatus.Held] = [ReportRequestStatus.Ingested],
        [ReportRequestStatus.Ingested] = [],
        [ReportRequestStatus.NoData] = [],
        [ReportRequestStatus.Failed] = [],
        [ReportRequestStatus.Replaced] = [],
    };

    /// <summary>Whether <paramref name="to"/> may follow <paramref name="from"/> (staying put is always allowed).</summary>
    public static bool IsAllowed(ReportRequestStatus from, ReportRequestStatus to) => from == to || s_next[from].Contains(to);

    /// <summary>Amazon is still working on it, or we are: the request holds the channel's slot.</summary>
    public static bool IsInFlight(ReportRequestStatus status) =>
        status is ReportRequestStatus.Requested or ReportRequestStatus.InProgress or ReportRequestStatus.Ingesting;
}
