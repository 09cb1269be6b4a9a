namespace InventoryMapping.Locations;

/// <summary>Location ids are <see cref="Slug"/>s, like channel ids.</summary>
public static class LocationIds
{
    public static bool IsValid(string? locationId) => Slug.IsValid(locationId);
}
