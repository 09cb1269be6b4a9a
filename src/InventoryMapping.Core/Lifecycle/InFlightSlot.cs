namespace InventoryMapping.Lifecycle;

/// <summary>A channel's in-flight slot of one operation, as read.</summary>
/// <param name="InFlightRequestId">The request in flight, if any.</param>
/// <param name="AsOf">When the newest completed request's result is from.</param>
public sealed record InFlightSlot(string? InFlightRequestId, DateTimeOffset? AsOf);
