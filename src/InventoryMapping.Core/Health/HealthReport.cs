using System.Text.Json.Serialization;

namespace InventoryMapping.Health;

/// <summary>
/// What the health endpoint answers: <c>healthy</c>/<c>unhealthy</c>, whether storage is reachable, the build, and
/// what the latest reservation sweep left unresolved (absent before the first sweep has finished).
/// </summary>
public sealed record HealthReport(string Status, string Storage, string Version, ReservationHealth? Reservations = null)
{
    [JsonIgnore]
    public bool IsHealthy => Status == "healthy";
}

/// <summary>
/// SKU reservations a crash left uncommitted that the latest finished sweep (<paramref name="JobId"/>, at
/// <paramref name="SweptAt"/>) could not resolve yet: those young enough that their item may still be on its way.
/// </summary>
public sealed record ReservationHealth(long Unresolved, DateTimeOffset SweptAt, string JobId);
