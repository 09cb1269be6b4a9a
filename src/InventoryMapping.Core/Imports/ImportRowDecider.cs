using System.Globalization;
using InventoryMapping.Channels;
using InventoryMapping.Csv;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Imports;

/// <summary>
/// Decides a page of an import's rows: reads each cell (undoing the export's formula guard), checks it, reads the
/// listings and items the page names (each once, in batches: <see cref="Storage.KeyedReads"/>), and says what each
/// row would change. Item SKUs resolve exactly, else ignoring case, which is the same item (SKUs are unique ignoring
/// case); never trimmed or otherwise loosened, so a row never links a different item than it names. Listing SKUs are
/// compared exactly.
/// </summary>
internal sealed class ImportRowDecider(ListingStore listings, InventoryStore items, IOptions<StorageThroughputOptions> throughput, TimeProvider clock)
{
    private readonly int _readsInFlight = throughput.Value.PageReadsInFlight;

    public async Task<IReadOnlyList<ImportDecision>> DecideAsync(Channel channel, string jobId, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        var inputs = rows.Select(r => Parse(channel, r.At!, r.Record!)).ToList();
        var valid = inputs.Where(i => i.Errors.Count == 0).ToList();
        var listingRows = await listings.ReadManyAsync(channel.ChannelId, valid.Select(i => i.ListingId), _readsInFlight, cancellationToken);
        var bySku = await items.FindBySkusAsync(valid.Where(i => i.ItemSku is { Length: > 0 }).Select(i => i.ItemSku!), _readsInFlight, cancellationToken);
        var byId = (await items.GetEntitiesAsync(valid.Where(i => i.ItemId is { Length: > 0 }).Select(i => i.ItemId!), _readsInFlight, cancellationToken))
            .ToDictionary(i => i.Key, i => new ItemReference(i.Value.RowKey, i.Value.Sku), StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        return [.. inputs.Select(input => Decide(input, listingRows, bySku, byId, now, jobId))];
    }

    private static ImportDecision Decide(
        Input input,
        IReadOnlyDictionary<string, ListingEntity> listingRows,
        IReadOnlyDictionary<string, ItemReference?> bySku,
        IReadOnlyDictionary<string, ItemReference> byId,
        DateTimeOffset now,
        string jobId)
    {
        if (input.Errors.Count > 0)
        {
            return new ImportDecision(input.Line, input.ListingId, input.SkuEcho, null, false, input.Errors);
        }

        var errors = new List<ImportRowError>();
        var listing = listingRows.GetValueOrDefault(input.ListingId);
        if (listing is null)
        {
            errors.Add(new(input.Names[ImportColumn.ChannelSku], input.SkuEcho, "No listing of this channel has this SKU (listing SKUs are compared exactly, case and spaces included); an import never creates listings."));
        }

        ItemReference? item = null;
        if (input.ItemSku is { Length: > 0 } itemSku)
        {
            item = bySku.GetValueOrDefault(InventoryStore.Unique(itemSku));
            if (item is null)
            {
                errors.Add(new(input.Names[ImportColumn.LinkedItemSku], CsvValues.Echo(itemSku), "No inventory item has this SKU (compared exactly, else ignoring case); an import never creates items."));
            }
        }

        if (input.ItemId is { Length: > 0 } itemId)
        {
            var byItemId = byId.GetValueOrDefault(itemId);
            if (byItemId is null)
            {
                errors.Add(new(input.Names[ImportColumn.LinkedItemId], CsvValues.Echo(itemId), "No inventory item has this id."));
            }
            else if (item is not null && item.ItemId != byItemId.ItemId)
            {
                errors.Add(new(input.Names[ImportColumn.LinkedItemId], CsvValues.Echo(itemId), $"LinkedItemId names item '{byItemId.ItemId}' ({CsvValues.Echo(byItemId.Sku)}), LinkedItemSku names item '{item.ItemId}': clear one of them."));
            }

            item ??= byItemId;
        }

        if (errors.Count > 0 || listing is null)
        {
            return new ImportDecision(input.Line, input.ListingId, input.SkuEcho, null, false, errors);
        }

        var edit = new ListingEdit(listing, input.SetsLink, item, input.IgnoreSync, input.StockRules);
        var wouldChange = edit.Apply(listing.Clone(), now, jobId) is not null;
        var value = $"{(input.SetsLink ? item?.ItemId ?? "-" : "")}|{input.IgnoreSync}|{input.StockRules?.Fingerprint()}";
        return new ImportDecision(input.Line, input.ListingId, input.SkuEcho, edit, wouldChange, [])
        {
            SkuHash = StableHash.Of64(listing.Sku),
            ValueHash = StableHash.Of64(value),
        };
    }

    /// <summary>The row's cells, checked one by one; what is wrong with them, all of it.</summary>
    private static Input Parse(Channel channel, ImportCursor at, CsvRecord record)
    {
        var errors = new List<ImportRowError>();
        var names = Enum.GetValues<ImportColumn>().ToDictionary(c => c, at.NameOf);
        if (record.Problem is { } problem)
        {
            errors.Add(new("", "", problem));
        }

        if (record.FieldCount < at.Width)
        {
            errors.Add(new("", "", $"The row has {record.FieldCount} fields, the header {at.Width}: a short row is refused, not read as empty cells (which would unlink)."));
        }
        else if (record.Cells.Skip(at.Width).Any(c => c.Length > 0) || (record.FieldCount > record.Cells.Count && record.FieldCount > at.Width))
        {
            errors.Add(new("", "", $"The row has {record.FieldCount} fields, more than the header's {at.Width}."));
        }

        string? Cell(ImportColumn column)
        {
            if (at.Columns.TryGetValue(column, out var index) && index < record.Cells.Count)
            {
                var cell = record.Cells[index];
                if (cell.IsTruncated)
                {
                    errors.Add(new(names[column], CsvValues.Echo(cell.Text, truncated: true), string.Create(CultureInfo.InvariantCulture, $"The value is {cell.Length:N0} characters long; no {column} is longer than {CsvRecordReader.MaxCellChars:N0}.")));
                    return null;
                }

                return CsvFormulaGuard.Restore(cell.Text);
            }

            return null;
        }

        var sku = Cell(ImportColumn.ChannelSku) ?? "";
        var skuEcho = CsvValues.Echo(sku);
        var listingId = "";
        if (sku.Length == 0)
        {
            if (errors.Count == 0)
            {
                errors.Add(new(names[ImportColumn.ChannelSku], "", "ChannelSku is empty: each row names a listing by its SKU."));
            }
        }
        else if (sku.Contains('\n') || sku.Contains('\r'))
        {
            var quote = at.Columns.TryGetValue(ImportColumn.ChannelSku, out var i) && i < record.Cells.Count && record.Cells[i].QuoteLine is { } q ? $" (its quote opened on line {q}; is a quote unbalanced?)" : "";
            errors.Add(new(names[ImportColumn.ChannelSku], skuEcho, $"The SKU contains a line break{quote}: no listing SKU does, so it is never looked up."));
        }
        else if (AmazonSku.Problem(sku) is { } skuProblem)
        {
            errors.Add(new(names[ImportColumn.ChannelSku], skuEcho, $"{skuProblem} No listing has such a SKU."));
        }
        else
        {
            listingId = ListingIds.FromSku(sku);
        }

        if (at.Columns.ContainsKey(ImportColumn.Source) && Cell(ImportColumn.Source) is { } source && !source.Trim().Equals("Amazon", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(names[ImportColumn.Source], CsvValues.Echo(source), $"The row is for another channel (Source '{CsvValues.Echo(source)}'); this import is for Amazon channel '{channel.ChannelId}'."));
        }

        if (at.Columns.ContainsKey(ImportColumn.SubSource) && Cell(ImportColumn.SubSource) is { } subSource
            && !subSource.Trim().Equals(channel.ChannelId, StringComparison.OrdinalIgnoreCase)
            && !subSource.Trim().Equals(channel.AccountName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(names[ImportColumn.SubSource], CsvValues.Echo(subSource), $"The row is for another channel (SubSource '{CsvValues.Echo(subSource)}'); this import is for channel '{channel.ChannelId}' ({CsvValues.Echo(channel.AccountName)})."));
        }

        var setsLink = at.Columns.ContainsKey(ImportColumn.LinkedItemSku) || at.Columns.ContainsKey(ImportColumn.LinkedItemId);
        var itemSku = Cell(ImportColumn.LinkedItemSku);
        if (itemSku is { Length: > 0 } && Inventory.ItemRules.SkuProblem(itemSku) is { } itemSkuProblem)
        {
            errors.Add(new(names[ImportColumn.LinkedItemSku], CsvValues.Echo(itemSku), $"{itemSkuProblem} No item has such a SKU."));
        }

        var itemId = Cell(ImportColumn.LinkedItemId);
        if (itemId is { Length: > 0 } && !ItemIds.IsValid(itemId))
        {
            errors.Add(new(names[ImportColumn.LinkedItemId], CsvValues.Echo(itemId), "This is not an item id."));
        }

        bool? ignoreSync = null;
        if (Cell(ImportColumn.IgnoreSync) is { Length: > 0 } ignoreText)
        {
            ignoreSync = CsvValues.ParseBool(ignoreText);
            if (ignoreSync is null)
            {
                errors.Add(new(names[ImportColumn.IgnoreSync], CsvValues.Echo(ignoreText), "IgnoreSync is one of true/false, 1/0, yes/no, y/n (any case), or empty to leave it as it is."));
            }
        }

        int? Rule(ImportColumn column, Func<int, Channels.StockRules> rules)
        {
            if (Cell(column) is not { } text || text.Trim().Length == 0)
            {
                return null; // empty: back to the channel's rule
            }

            if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(new(names[column], CsvValues.Echo(text), $"{column} is a whole number, or empty for the channel's rule."));
                return null;
            }

            // The API's own check of the listing's stock rules, so a file and a PATCH accept the same values.
            if (rules(value).Problem("") is { } problem)
            {
                errors.Add(new(names[column], CsvValues.Echo(text), problem.Detail));
            }

            return value;
        }

        StockRulesEdit? stockRules = null;
        if (at.Columns.Keys.Any(c => c is ImportColumn.StockPercentage or ImportColumn.MaxListedQuantity or ImportColumn.EndWhenStock))
        {
            stockRules = new StockRulesEdit(
                at.Columns.ContainsKey(ImportColumn.StockPercentage),
                Rule(ImportColumn.StockPercentage, v => new(StockPercentage: v)),
                at.Columns.ContainsKey(ImportColumn.MaxListedQuantity),
                Rule(ImportColumn.MaxListedQuantity, v => new(MaxListedQuantity: v)),
                at.Columns.ContainsKey(ImportColumn.EndWhenStock),
                Rule(ImportColumn.EndWhenStock, v => new(EndWhenStock: v)));
        }

        return new Input(record.Line, listingId, skuEcho, setsLink, itemSku, itemId, ignoreSync, stockRules, names, errors);
    }

    private sealed record Input(
        long Line,
        string ListingId,
        string SkuEcho,
        bool SetsLink,
        string? ItemSku,
        string? ItemId,
        bool? IgnoreSync,
        StockRulesEdit? StockRules,
        IReadOnlyDictionary<ImportColumn, string> Names,
        IReadOnlyList<ImportRowError> Errors);
}
