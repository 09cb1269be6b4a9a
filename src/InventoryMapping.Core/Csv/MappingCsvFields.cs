namespace InventoryMapping.Csv;

/// <summary>The fields an export can write, in the default order (<c>GET …/exports/fields</c>).</summary>
public sealed record MappingCsvFields(IReadOnlyList<MappingCsvField> Fields);
