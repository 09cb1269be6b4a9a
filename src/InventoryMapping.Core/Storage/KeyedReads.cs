using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace InventoryMapping.Storage;

/// <summary>
/// Reads many rows by key in as few requests as it can. Keys are read in key order by range queries while the rows
/// they read are mostly rows asked for, and one by one where they are not: first one query over the whole range of
/// keys (across partitions: a page naming most rows of a table, or a run of partitions), then, for the keys that
/// query did not reach, one query per partition over that partition's keys (a SKU-sorted file names a run of each
/// partition), then point reads for the rest. A query stops as soon as it projects to read more than
/// <see cref="ScanRowsPerKey"/> rows per key it is for, and its first page reads two rows per key, so a sparse page
/// costs at most one short query per partition (two rows per key) on top of its point reads, and a dense one a
/// request per 1,000 rows instead of one per row.
/// </summary>
public static class KeyedReads
{
    /// <summary>How many rows a range query may read per key asked for before the rest are read one by one.</summary>
    public const int ScanRowsPerKey = 4;

    private const int QueryPageSize = 1_000;

    /// <summary>
    /// The rows of <paramref name="keys"/> that exist (a key asked for twice is read once),
    /// <paramref name="readsInFlight"/> requests at a time.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string PartitionKey, string RowKey), T>> ReadRowsAsync<T>(
        this TableClient table,
        IEnumerable<(string PartitionKey, string RowKey)> keys,
        int readsInFlight,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? select = null)
        where T : class, ITableEntity
    {
        var found = new ConcurrentDictionary<(string, string), T>();
        var sorted = keys.Distinct().Order(KeyOrder.Instance).ToArray();
        var settled = sorted.Length > 1 ? await ScanAsync(table, sorted, select, found, cancellationToken) : 0;
        var onePartition = sorted.Length == 0 || sorted[0].PartitionKey == sorted[^1].PartitionKey;

        var unread = new ConcurrentBag<(string PartitionKey, string RowKey)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = readsInFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(sorted.Skip(settled).GroupBy(k => k.PartitionKey, StringComparer.Ordinal), options, async (partition, ct) =>
        {
            var rest = partition.ToArray();
            var from = rest.Length > 1 && !onePartition ? await ScanAsync(table, rest, select, found, ct) : 0;
            foreach (var key in rest.Skip(from))
            {
                unread.Add(key);
            }
        });

        await Parallel.ForEachAsync(unread, options, async (key, ct) =>
        {
            var row = await table.GetEntityIfExistsAsync<T>(key.PartitionKey, key.RowKey, select, ct);
            if (row.HasValue)
            {
                found[key] = row.Value!;
            }
        });
        return found;
    }

    /// <summary>
    /// Reads rows from the first of <paramref name="keys"/> (sorted) towards the last while the query stays dense;
    /// returns how many of the keys it settled (found, or known to be absent).
    /// </summary>
    private static async Task<int> ScanAsync<T>(
        TableClient table, (string PartitionKey, string RowKey)[] keys, IReadOnlyList<string>? select, ConcurrentDictionary<(string, string), T> found, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var (first, last) = (keys[0], keys[^1]);
        var lowestRow = keys.Select(k => k.RowKey).Min(StringComparer.Ordinal);
        var highestRow = keys.Select(k => k.RowKey).Max(StringComparer.Ordinal);
        var filter = first.PartitionKey == last.PartitionKey
            ? TableClient.CreateQueryFilter($"PartitionKey eq {first.PartitionKey} and RowKey ge {first.RowKey} and RowKey le {last.RowKey}")
            : TableClient.CreateQueryFilter(
                $"PartitionKey ge {first.PartitionKey} and PartitionKey le {last.PartitionKey} and RowKey ge {lowestRow} and RowKey le {highestRow}");
        var wanted = keys.ToHashSet();
        var budget = ScanRowsPerKey * keys.Length;
        var scanned = 0;
        var settled = 0;
        var requests = 0;
        string? continuation = null;

        // The first page is short (two rows per key), so a sparse range costs at most that many rows on top of the
        // point reads that follow; a dense one then reads on in full pages.
        var firstPage = Math.Min(QueryPageSize, 2 * keys.Length);
        while (true)
        {
            requests++;
            var page = await table.ReadPageAsync<T>(filter, continuation, scanned == 0 ? firstPage : Math.Min(QueryPageSize, budget - scanned), cancellationToken, select);
            foreach (var row in page.Values)
            {
                scanned++;
                var key = (row.PartitionKey, row.RowKey);
                if (wanted.Contains(key))
                {
                    found[key] = row;
                }

                // Rows come in key order: every key up to this row is settled.
                while (settled < keys.Length && KeyOrder.Instance.Compare(keys[settled], key) <= 0)
                {
                    settled++;
                }
            }

            continuation = page.ContinuationToken;
            if (continuation is null || settled == keys.Length)
            {
                return keys.Length;
            }

            // Stop where reading on would read more rows than the budget allows for all the keys, or would make more
            // requests than point reads of the keys left (Azure ends a page at each partition boundary and after five
            // seconds, so a sparse range across many partitions can answer page after page of nothing).
            if (scanned >= budget || (settled > 0 && (long)scanned * keys.Length > (long)budget * settled) || (settled == 0 && scanned >= firstPage)
                || requests >= keys.Length - settled)
            {
                return settled;
            }
        }
    }

    private sealed class KeyOrder : IComparer<(string PartitionKey, string RowKey)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((string PartitionKey, string RowKey) x, (string PartitionKey, string RowKey) y)
        {
            var byPartition = string.CompareOrdinal(x.PartitionKey, y.PartitionKey);
            return byPartition != 0 ? byPartition : string.CompareOrdinal(x.RowKey, y.RowKey);
        }
    }
}
