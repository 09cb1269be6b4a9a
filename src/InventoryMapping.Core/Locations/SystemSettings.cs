namespace InventoryMapping.Locations;

/// <summary>Settings of the whole system, as opposed to a channel's.</summary>
public sealed record SystemSettings(string DefaultLocationId);
