namespace InventoryMapping.Health;

/// <summary>What the health endpoint answers: <c>healthy</c>/<c>unhealthy</c>, whether storage is reachable, the build.</summary>
public sealed record HealthReport(string Status, string Storage, string Version)
{
    public bool IsHealthy => Status == "healthy";
}
