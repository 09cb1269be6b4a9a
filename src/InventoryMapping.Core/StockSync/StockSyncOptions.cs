namespace InventoryMapping.StockSync;

/// <summary>Settings of the stock sync (<c>StockSync</c> section).</summary>
public sealed class StockSyncOptions
{
    public const string Section = "StockSync";

    /// <summary>A mark younger than this is left for the next run: by then the write it announced has committed.</summary>
    public TimeSpan MarkSettleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A submission of at most this many quantities goes as patchListingsItem calls (≤ 5/s), a bigger one as JSON_LISTINGS_FEEDs.</summary>
    public int PatchThreshold { get; set; } = 100;

    /// <summary>Messages one submission takes at most (five full feeds: the feed type's burst).</summary>
    public int MaxMessagesPerSubmission { get; set; } = 5 * SpApi.JsonListingsFeed.MaxMessages;

    /// <summary>Messages per feed, at most Amazon's 25,000.</summary>
    public int MessagesPerFeed { get; set; } = SpApi.JsonListingsFeed.MaxMessages;

    /// <summary>The longest a timer run waits for Amazon's rate allowance before leaving the submission for the next run (createFeed's token comes every 2 minutes).</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2.5);

    /// <summary>A submission whose send never completed (the process died) is sent on after this long.</summary>
    public TimeSpan UnsentRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A run that would set more than this share of the channel's linked listings from a positive quantity to 0 is held.</summary>
    public double HoldZeroShare { get; set; } = 0.2;

    /// <summary>…and at least this many (so a shop of 3 listings selling one out is not held).</summary>
    public int HoldMinimum { get; set; } = 10;

    /// <summary>Force Update is refused (429) for this long after the last one of the channel.</summary>
    public TimeSpan ForceUpdateCooldown { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Channels a timer run works on side by side.</summary>
    public int ChannelParallelism { get; set; } = 4;

    /// <summary>A run starts no channel after this (under the function timeout); the next run starts with those it did not reach.</summary>
    public TimeSpan RunBudget { get; set; } = TimeSpan.FromMinutes(4);
}
