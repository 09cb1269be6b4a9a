namespace InventoryMapping.SpApi;

/// <summary>
/// An SP-API operation with its documented token-bucket rate (requests per second) and burst; a call also takes a
/// token of <paramref name="AlsoMeteredBy"/> when Amazon meters it twice (createFeed of a JSON_LISTINGS_FEED).
/// </summary>
internal sealed record SpApiOperation(string Name, double RatePerSecond, int Burst, SpApiOperation? AlsoMeteredBy = null)
{
    public static SpApiOperation CreateReport { get; } = new("createReport", 0.0167, 15);

    public static SpApiOperation GetReports { get; } = new("getReports", 0.0222, 10);

    public static SpApiOperation GetReport { get; } = new("getReport", 2, 15);

    public static SpApiOperation CancelReport { get; } = new("cancelReport", 0.0222, 10);

    public static SpApiOperation GetReportDocument { get; } = new("getReportDocument", 0.0167, 15);

    public static SpApiOperation CreateFeedDocument { get; } = new("createFeedDocument", 0.5, 15);

    /// <summary>Amazon's limit of the feed type, besides createFeed's own: 5 JSON_LISTINGS_FEED submissions per 5 minutes per region (since 2025-05-06).</summary>
    public static SpApiOperation JsonListingsFeedSubmissions { get; } = new("JSON_LISTINGS_FEED submissions", 5.0 / 300, 5);

    public static SpApiOperation CreateFeed { get; } = new("createFeed", 0.0083, 15);

    public static SpApiOperation CreateJsonListingsFeed { get; } = CreateFeed with { AlsoMeteredBy = JsonListingsFeedSubmissions };

    public static SpApiOperation GetFeed { get; } = new("getFeed", 2, 15);

    public static SpApiOperation GetFeeds { get; } = new("getFeeds", 0.0222, 10);

    public static SpApiOperation GetFeedDocument { get; } = new("getFeedDocument", 0.0222, 10);

    public static SpApiOperation PatchListingsItem { get; } = new("patchListingsItem", 5, 5);
}
