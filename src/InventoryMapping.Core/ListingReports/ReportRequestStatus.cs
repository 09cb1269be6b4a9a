namespace InventoryMapping.ListingReports;

/// <summary>Where a listings report request stands, from our side. The moves between them are <see cref="ReportRequestTransitions"/>.</summary>
public enum ReportRequestStatus
{
    /// <summary>Asked Amazon for the report (or about to); it has not started yet (IN_QUEUE).</summary>
    Requested,

    /// <summary>Amazon is producing it (IN_PROGRESS).</summary>
    InProgress,

    /// <summary>Amazon is done; its rows are going into the listings table.</summary>
    Ingesting,

    /// <summary>Ingested: the channel's listings are as of this report.</summary>
    Ingested,

    /// <summary>
    /// Ingested but for the retirements: the report would have retired more than the configured share of the
    /// channel's listed listings, so none were retired. <c>POST …/confirm</c> applies them; a newer report replaces it.
    /// </summary>
    Held,

    /// <summary>Amazon cancelled it, usually because there was no data. The listings are left as they were.</summary>
    NoData,

    /// <summary>Amazon aborted it (FATAL), or we could not reach or read it. A later schedule asks again.</summary>
    Failed,

    /// <summary>It sat with Amazon too long; we cancelled it and asked for a new one.</summary>
    Replaced,
}
