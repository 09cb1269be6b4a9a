namespace InventoryMapping.Csv;

/// <summary>
/// Which column of the file holds what (<see cref="Columns"/>: column → its index), the header's names, and how
/// many fields a row must have (up to the last named header).
/// </summary>
public sealed record ImportLayout(IReadOnlyDictionary<ImportColumn, int> Columns, IReadOnlyList<string> Header, int Width)
{
    public int? IndexOf(ImportColumn column) => Columns.TryGetValue(column, out var index) ? index : null;

    public string NameOf(ImportColumn column) => Columns.TryGetValue(column, out var index) ? Header[index] : column.ToString();

    /// <summary>
    /// The layout of a file with <paramref name="header"/>: from <paramref name="mapping"/> (header → field, as given
    /// with the upload or in the sidecar), else from the header aliases. Refuses duplicate columns, two columns for
    /// one field, a mapped column the file lacks, and a file without a ChannelSku column or without anything to import.
    /// </summary>
    public static Result<ImportLayout> Of(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? mapping)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = ImportAliases.Normalize(header[i]);
            if (name.Length == 0)
            {
                continue;
            }

            if (byName.TryGetValue(name, out var earlier))
            {
                return DomainError.Invalid("file", $"Column '{header[i]}' appears twice in the header (columns {earlier + 1} and {i + 1}); the file is refused.");
            }

            byName[name] = i;
        }

        var columns = new Dictionary<ImportColumn, int>();
        IEnumerable<(int Index, ImportColumn Column)> assigned;
        if (mapping is { Count: > 0 })
        {
            var list = new List<(int, ImportColumn)>();
            foreach (var (column, field) in mapping)
            {
                if (!ImportAliases.TryParseField(field, out var target))
                {
                    return DomainError.Invalid("mapping", $"The mapping maps column '{column}' to '{field}', which an import does not set; it sets {ImportAliases.MappableFields}.");
                }

                if (!byName.TryGetValue(ImportAliases.Normalize(column), out var index))
                {
                    return DomainError.Invalid("mapping", $"The mapping names column '{column}', which the file's header does not have.");
                }

                list.Add((index, target));
            }

            assigned = list;
        }
        else
        {
            assigned = byName.Select(n => ImportAliases.ColumnOf(n.Key) is { } column ? (n.Value, column) : (-1, default)).Where(a => a.Item1 >= 0);
        }

        foreach (var (index, column) in assigned.OrderBy(a => a.Index))
        {
            if (columns.TryGetValue(column, out var other))
            {
                return DomainError.Invalid("file", $"Columns '{header[other]}' and '{header[index]}' both give {column}; keep one of them.");
            }

            columns[column] = index;
        }

        if (!columns.ContainsKey(ImportColumn.ChannelSku))
        {
            return DomainError.Invalid("file", $"No column names the listing: the header needs ChannelSku or one of its aliases ({string.Join(", ", ImportAliases.Of(ImportColumn.ChannelSku))}), or a mapping.");
        }

        if (!columns.Keys.Any(c => c is not (ImportColumn.ChannelSku or ImportColumn.Source or ImportColumn.SubSource)))
        {
            return DomainError.Invalid("file", "No column to import: the header needs LinkedItemSku, LinkedItemId, IgnoreSync, StockPercentage, MaxListedQuantity or EndWhenStock (or one of their aliases), or a mapping.");
        }

        var width = 0;
        for (var i = 0; i < header.Count; i++)
        {
            width = header[i].Trim().Length > 0 ? i + 1 : width;
        }

        return new ImportLayout(columns, header, width);
    }
}
