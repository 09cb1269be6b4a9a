using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Storage;

public static class TableTransactions
{
    /// <summary>Azure's limit per entity group transaction (Azurite does not enforce it, so we do).</summary>
    public const int MaxActions = 100;

    /// <summary>Splits actions into valid transactions: one partition each, at most <paramref name="size"/> actions.</summary>
    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Chunk(IEnumerable<TableTransactionAction> actions, int size = MaxActions)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxActions);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return actions
            .GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(size));
    }

    /// <summary>Submits actions as upserts or whatever they say, partition by partition, a few transactions at a time.</summary>
    public static Task SubmitAllAsync(this TableClient table, IEnumerable<TableTransactionAction> actions, int parallelism, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Chunk(actions),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) => await table.SubmitTransactionAsync(chunk, ct));

    /// <summary>
    /// Deletes rows of one partition by key, whatever they hold, 100 to a transaction; a transaction that meets a row
    /// already gone (a re-run, a concurrent deleter) deletes the rest one by one. Returns how many it deleted.
    /// </summary>
    public static async Task<long> DeleteRowsAsync(this TableClient table, string partitionKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        var deleted = 0L;
        foreach (var chunk in rowKeys.Chunk(MaxActions))
        {
            var actions = chunk.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All)).ToList();
            if ((await table.TrySubmitAsync(actions, cancellationToken)).IsWritten)
            {
                deleted += chunk.Length;
                continue;
            }

            foreach (var rowKey in chunk)
            {
                deleted += await table.TryDeleteAsync(partitionKey, rowKey, ETag.All, cancellationToken) == WriteOutcome.Written ? 1 : 0;
            }
        }

        return deleted;
    }

    /// <summary>
    /// Deletes every row of a partition, a page of keys at a time (bounded memory). Returns how many rows it found
    /// (those whose key <paramref name="counted"/> accepts, when given).
    /// </summary>
    public static async Task<long> DeletePartitionAsync(
        this TableClient table, string partitionKey, CancellationToken cancellationToken, Func<string, bool>? counted = null)
    {
        var deleted = 0L;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        string? continuation = null;
        do
        {
            var page = await table.ReadPageAsync<TableEntity>(filter, continuation, 1000, cancellationToken, select: ["PartitionKey", "RowKey"]);
            await table.DeleteRowsAsync(partitionKey, page.Values.Select(row => row.RowKey), cancellationToken);
            deleted += page.Values.Count(row => counted?.Invoke(row.RowKey) ?? true);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return deleted;
    }

    /// <summary>
    /// Inserts rows expected to be new in transactions, a few at a time; when a transaction meets a row that exists
    /// already, each row of that transaction goes to <paramref name="addOne"/> instead, which settles it alone (reads
    /// what is there and decides). The common case (all new) costs one request per 100 rows, not two per row.
    /// </summary>
    public static Task AddAllOrEachAsync<T>(
        this TableClient table, IEnumerable<T> rows, int parallelism, Func<T, CancellationToken, Task> addOne, CancellationToken cancellationToken)
        where T : class, ITableEntity =>
        Parallel.ForEachAsync(
            Chunk(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                if ((await table.TrySubmitAsync(chunk, ct)).Outcome == WriteOutcome.Conflict)
                {
                    foreach (var action in chunk)
                    {
                        await addOne((T)action.Entity, ct);
                    }
                }
            });
}
