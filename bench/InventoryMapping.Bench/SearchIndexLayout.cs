namespace InventoryMapping.Bench;

/// <summary>How the suffix-index rows of a catalogue spread over partitions: the largest partition bounds the write rate.</summary>
public static class SearchIndexLayout
{
    public static void Print(IReadOnlyList<string> skus)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var total = 0L;
        foreach (var sku in skus)
        {
            foreach (var row in RawRows.Search("0000000000000000", sku))
            {
                sizes[row.PartitionKey] = sizes.GetValueOrDefault(row.PartitionKey) + 1;
                total++;
            }
        }

        var largest = sizes.OrderByDescending(s => s.Value).Take(3).Select(l => $"{l.Key} {l.Value:N0} ({100.0 * l.Value / total:N1}%)");
        BenchReport.Line("search rows per item", total / (double)skus.Count, "");
        BenchReport.Line("search partitions", $"{sizes.Count}; largest: {string.Join(", ", largest)}");
    }
}
