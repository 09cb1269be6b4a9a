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
}
