namespace InventoryMapping.ListingReports;

public sealed class ListingReportOptions
{
    public const string Section = "ListingReports";

    /// <summary>A report still IN_QUEUE after this long is cancelled and asked for again.</summary>
    public TimeSpan InQueueTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A request whose createReport call never completed (the process died) is sent again after this long.</summary>
    public TimeSpan UnsentRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Report rows upserted per batch: bounds memory whatever the report's size. About 100 rows per listings
    /// partition, so each partition's rows go in one full transaction.
    /// </summary>
    public int IngestBatchSize { get; set; } = 6_000;
}
