using InventoryMapping.Csv;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>A listing's cells in the mapping CSV, field by field (formats: <see cref="MappingCsvFormat"/>; docs/csv.md).</summary>
internal static class ExportRow
{
    public static IEnumerable<string?> Cells(IReadOnlyList<MappingCsvField> fields, ListingEntity listing, IReadOnlyDictionary<string, string> itemTitles) =>
        fields.Select(field => Cell(field, listing, itemTitles));

    private static string? Cell(MappingCsvField field, ListingEntity listing, IReadOnlyDictionary<string, string> itemTitles)
    {
        var linkedItemId = listing.IsLinked ? listing.LinkedItemId : null;
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
            nameof(MappingCsvField.LinkedItemSku) => linkedItemId is null ? null : listing.LinkedItemSku,
            nameof(MappingCsvField.LinkedItemTitle) => linkedItemId is null ? null : itemTitles.GetValueOrDefault(linkedItemId),
            nameof(MappingCsvField.UpdateDate) => MappingCsvFormat.Instant(listing.SyncUpdateDate),
            nameof(MappingCsvField.LastUpdate) => MappingCsvFormat.Instant(listing.SyncLastUpdate),
            nameof(MappingCsvField.SubmittedQty) => MappingCsvFormat.Integer(listing.SyncQuantity),
            _ => throw new InvalidOperationException($"The export does not know field '{field.Name}'."),
        };
    }
}
