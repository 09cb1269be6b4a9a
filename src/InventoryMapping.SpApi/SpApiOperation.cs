namespace InventoryMapping.SpApi;

/// <summary>An SP-API operation with its documented token-bucket rate (requests per second) and burst.</summary>
internal sealed record SpApiOperation(string Name, double RatePerSecond, int Burst)
{
    public static SpApiOperation CreateReport { get; } = new("createReport", 0.0167, 15);

    public static SpApiOperation GetReports { get; } = new("getReports", 0.0222, 10);

    public static SpApiOperation GetReport { get; } = new("getReport", 2, 15);

    public static SpApiOperation CancelReport { get; } = new("cancelReport", 0.0222, 10);

    public static SpApiOperation GetReportDocument { get; } = new("getReportDocument", 0.0167, 15);
}
