namespace InventoryMapping.ListingReports;

public sealed class ListingReportOptions
{
    public const string Section = "ListingReports";

    /// <summary>A report still IN_QUEUE after this long is cancelled and asked for again.</summary>
    public TimeSpan InQueueTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A report still IN_PROGRESS this long after it started is given up and asked for again (Amazon cannot cancel it).</summary>
    public TimeSpan InProgressTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many channels a timer run works on at once; each channel's trouble stays its own.</summary>
    public int ChannelParallelism { get; set; } = 4;

    /// <summary>
    /// A timer run starts no channel after this long (keep it under the function timeout); channels it did not reach
    /// are the next run's, which starts with them. Work already started finishes.
    /// </summary>
    public TimeSpan RunBudget { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>
    /// A complete report that would retire more than this share of the channel's listed listings is held for a
    /// confirmation instead of applied (a drop to nothing is more often Amazon's mistake than the seller's).
    /// </summary>
    public double HoldRetireShare { get; set; } = 0.5;

    /// <summary>A request whose createReport call never completed (the process died) is sent again after this long.</summary>
    public TimeSpan UnsentRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Report rows upserted per batch: bounds memory whatever the report's size. About 100 rows per listings
    /// partition, so each partition's rows go in one full transaction.
    /// </summary>
    public int IngestBatchSize { get; set; } = 6_000;
}
