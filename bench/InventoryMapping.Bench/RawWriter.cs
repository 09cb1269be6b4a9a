using Azure.Data.Tables;

namespace InventoryMapping.Bench;

/// <summary>The raw baseline: Azure.Data.Tables batch upserts (≤100 UpsertReplace, one partition per batch), nothing else.</summary>
public sealed class RawWriter(int transactionsInFlight)
{
    public const int MaxBatch = 100;

    private long _entities;

    /// <summary>Entities written so far.</summary>
    public long Entities => Interlocked.Read(ref _entities);

    /// <summary>Groups rows by partition into batches of at most <paramref name="size"/>.</summary>
    public static IEnumerable<IReadOnlyList<TableEntity>> Batches(IEnumerable<TableEntity> rows, int size = MaxBatch) =>
        rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(size));

    public Task UpsertAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken) =>
        SubmitAsync(table, Batches(rows), cancellationToken);

    public Task SubmitAsync(TableClient table, IEnumerable<IReadOnlyList<TableEntity>> batches, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = transactionsInFlight, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
                Interlocked.Add(ref _entities, batch.Count);
            });
}
