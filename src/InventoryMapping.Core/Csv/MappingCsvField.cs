namespace InventoryMapping.Csv;

/// <summary>
/// A column of the mapping CSV: its name (the header an export writes), what it holds, and whether an import can
/// set it. <see cref="All"/> is the default export order; docs/csv.md lists the same.
/// </summary>
public sealed record MappingCsvField(string Name, string Meaning, bool Importable)
{
    public static readonly MappingCsvField ChannelSku = new("ChannelSku", "the listing's Amazon seller SKU; names the listing on import", Importable: true);
    public static readonly MappingCsvField Title = new("Title", "the listing's title as Amazon's report gives it", Importable: false);
    public static readonly MappingCsvField Asin = new("Asin", "the listing's ASIN", Importable: false);
    public static readonly MappingCsvField Fba = new("Fba", "true when Amazon fulfils the listing (FBA); its stock is never sent", Importable: false);
    public static readonly MappingCsvField IgnoreSync = new("IgnoreSync", "true when the listing's stock level is never sent to Amazon", Importable: true);
    public static readonly MappingCsvField Active = new("Active", "true when Amazon's status of the listing is Active", Importable: false);
    public static readonly MappingCsvField Price = new("Price", "the listing's price as Amazon's report gives it", Importable: false);
    public static readonly MappingCsvField Quantity = new("Quantity", "the quantity Amazon's report gives for the listing", Importable: false);
    public static readonly MappingCsvField LinkedItemId = new("LinkedItemId", "the id of the inventory item the listing is linked to; empty when unlinked", Importable: true);
    public static readonly MappingCsvField LinkedItemSku = new("LinkedItemSku", "the linked inventory item's current SKU; empty when unlinked (or while a deleted item's listings are being unlinked)", Importable: true);
    public static readonly MappingCsvField LinkedItemTitle = new("LinkedItemTitle", "the title of the linked inventory item", Importable: false);
    public static readonly MappingCsvField UpdateDate = new("UpdateDate", "when a stock change of the listing was last queued for Amazon (UTC, ISO 8601)", Importable: false);
    public static readonly MappingCsvField LastUpdate = new("LastUpdate", "when Amazon last accepted the listing's quantity (UTC, ISO 8601)", Importable: false);
    public static readonly MappingCsvField SubmittedQty = new("SubmittedQty", "the quantity last submitted to Amazon", Importable: false);

    // The listing's own stock rules (docs/api.md, "Channel locations and stock rules"); an empty cell: the channel's rule (an
    // import sets it back to that).
    public static readonly MappingCsvField StockPercentage = new("StockPercentage", "the listing's own share of the available stock to list, 0 to 100; empty: the channel's rule", Importable: true);
    public static readonly MappingCsvField MaxListedQuantity = new("MaxListedQuantity", "the listing's own cap on the quantity listed; empty: the channel's rule", Importable: true);
    public static readonly MappingCsvField EndWhenStock = new("EndWhenStock", "the listing's own threshold: at or below this available stock, 0 is listed; empty: the channel's rule", Importable: true);

    /// <summary>Every field, in the default export order.</summary>
    public static IReadOnlyList<MappingCsvField> All { get; } =
        [ChannelSku, Title, Asin, Fba, IgnoreSync, Active, Price, Quantity, LinkedItemId, LinkedItemSku, LinkedItemTitle, UpdateDate, LastUpdate, SubmittedQty,
         StockPercentage, MaxListedQuantity, EndWhenStock];

    /// <summary>The field of that name (case-insensitive), if any.</summary>
    public static MappingCsvField? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
