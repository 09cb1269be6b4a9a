using InventoryMapping.Csv;
using InventoryMapping.Inventory;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>A listing's cells in the mapping CSV, field by field (formats: <see cref="MappingCsvFormat"/>; docs/csv.md).</summary>
internal static class ExportRow
{
    /// <param name="linkedItems">The SKU and title of the page's linked items (see <c>ItemSummaries</c>).</param>
    public static IEnumerable<string?> Cells(IReadOnlyList<MappingCsvField> fields, ListingEntity listing, IReadOnlyDictionary<string, ItemSummary> linkedItems) =>
        fields.Select(field => Cell(field, listing, linkedItems));

    private static string? Cell(MappingCsvField field, ListingEntity listing, IReadOnlyDictionary<string, ItemSummary> linkedItems)
    {
        var linkedItemId = listing.IsLinked ? listing.LinkedItemId : null;
        var linkedItem = linkedItemId is null ? null : linkedItems.GetValueOrDefault(linkedItemId);
        return field.Name switch
        {
            nameof(MappingCsvField.ChannelSku) => listing.Sku,
            nameof(MappingCsvField.Title) => listing.Title,
            nameof(MappingCsvField.Asin) => listing.Asin,
            nameof(MappingCsvField.Fba) => MappingCsvFormat.Bool(listing.IsFba),
            nameof(MappingCsvField.IgnoreSync) => MappingCsvFormat.Bool(listing.IgnoreSync),
            nameof(MappingCsvField.Active) => MappingCsvFormat.Bool(listing.IsActive),

            // Stored as invariant decimal text already (a point, no grouping), written as stored.
            nameof(MappingCsvField.Price) => listing.Price,
            nameof(MappingCsvField.Quantity) => MappingCsvFormat.Integer(listing.Quantity),
            nameof(MappingCsvField.LinkedItemId) => linkedItemId,
            nameof(MappingCsvField.LinkedItemSku) => linkedItem?.Sku,
            nameof(MappingCsvField.LinkedItemTitle) => linkedItem?.Title,
            nameof(MappingCsvField.UpdateDate) => MappingCsvFormat.Instant(listing.SyncUpdateDate),
            nameof(MappingCsvField.LastUpdate) => MappingCsvFormat.Instant(listing.SyncLastUpdate),
            nameof(MappingCsvField.SubmittedQty) => MappingCsvFormat.Integer(listing.SyncQuantity),
            nameof(MappingCsvField.StockPercentage) => MappingCsvFormat.Integer(listing.StockPercentage),
            nameof(MappingCsvField.MaxListedQuantity) => MappingCsvFormat.Integer(listing.MaxListedQuantity),
            nameof(MappingCsvField.EndWhenStock) => MappingCsvFormat.Integer(listing.EndWhenStock),
            _ => throw new InvalidOperationException($"The export does not know field '{field.Name}'."),
        };
    }
}
