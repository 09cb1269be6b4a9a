namespace InventoryMapping.Csv;

/// <summary>
/// The header names an import recognises without a mapping (docs/csv.md lists the same): compared ignoring case,
/// spaces and underscores. Our export's header, Linnworks' "Stock Item Linking" layout, and common names.
/// </summary>
public static class ImportAliases
{
    private static readonly Dictionary<ImportColumn, string[]> s_aliases = new()
    {
        [ImportColumn.ChannelSku] = ["ChannelSku", "Channel SKU", "Amazon SKU", "Seller SKU", "seller-sku", "SKU"],
        [ImportColumn.LinkedItemSku] = ["LinkedItemSku", "Linnworks SKU", "Linked SKU", "Item SKU"],
        [ImportColumn.LinkedItemId] = ["LinkedItemId"],
        [ImportColumn.IgnoreSync] = ["IgnoreSync", "Ignore Sync"],
        [ImportColumn.Source] = ["Source"],
        [ImportColumn.SubSource] = ["SubSource"],
        [ImportColumn.StockPercentage] = ["StockPercentage", "Stock %"],
        [ImportColumn.MaxListedQuantity] = ["MaxListedQuantity", "Max Quantity"],
        [ImportColumn.EndWhenStock] = ["EndWhenStock"],
    };

    private static readonly Dictionary<string, ImportColumn> s_byName = s_aliases
        .SelectMany(a => a.Value.Select(name => (Name: Normalize(name), Column: a.Key)))
        .DistinctBy(a => a.Name)
        .ToDictionary(a => a.Name, a => a.Column, StringComparer.Ordinal);

    /// <summary>The names a mapping may map a column to.</summary>
    public static string MappableFields => string.Join(", ", Enum.GetNames<ImportColumn>());

    /// <summary>Every alias of <paramref name="column"/>, as documented.</summary>
    public static IReadOnlyList<string> Of(ImportColumn column) => s_aliases[column];

    /// <summary>A header name as compared: trimmed, lower case, without spaces and underscores.</summary>
    public static string Normalize(string header) =>
        string.Concat(header.Trim().Where(c => c is not (' ' or '_'))).ToLowerInvariant();

    public static ImportColumn? ColumnOf(string normalizedHeader) => s_byName.TryGetValue(normalizedHeader, out var column) ? column : null;

    /// <summary>A field name of a mapping (case-insensitive): an importable field, Source or SubSource.</summary>
    public static bool TryParseField(string field, out ImportColumn column) =>
        Enum.TryParse(field.Trim(), ignoreCase: true, out column) && Enum.IsDefined(column) && !int.TryParse(field, out _);
}
