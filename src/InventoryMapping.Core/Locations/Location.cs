namespace InventoryMapping.Locations;

/// <summary>A named place stock is kept. Ids are slugs, like channel ids.</summary>
public sealed record Location(string LocationId, string Name);
