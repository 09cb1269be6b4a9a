namespace InventoryMapping.Health;

/// <summary>What the health endpoint answers: <c>healthy</c>/<c>unhealthy</c>, whether storage is reachable, the build.</summary>
public sealed record HealthReport(string Status, string Storage, string Version)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHealthy => Status == "healthy";
}
