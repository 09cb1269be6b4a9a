namespace InventoryMapping.Functions.Locations;

public sealed record LocationInput(string? Name);
