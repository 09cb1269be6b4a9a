using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// The only way listings are written. A transaction that moves a count carries up to 99 listing writes of one
/// partition plus that partition's count row, both under optimistic concurrency, so counts can never drift from the
/// listings; around them the writer tells the channel's <see cref="ListingCountsRollup"/> it is at work and what it
/// ended with. Writes that move no count (title, price, report id, sync status) go 100 to a transaction under their
/// listings' ETags only: the count row and the rollup are not touched.
/// </summary>
public sealed class ListingWriter(
    AppStorage storage,
    ListingStore listings,
    ListingCountsRollup rollup,
    ConflictRetry retry,
    IOptions<StorageThroughputOptions> throughput,
    StockMarks.ItemListingIndex links,
    StockMarks.PendingStockMarks marks)
{
    private const int ListingsPerTransaction = TableTransactions.MaxActions - 1;

    private readonly int _readsInFlight = throughput.Value.ReadsInFlightPerPartition;

    // The count rows this process wrote last, with their ETags: the next transaction in that partition starts from
    // them instead of reading. A stale one (another instance wrote since) costs one failed transaction and a read.
    private readonly ConcurrentDictionary<string, ListingCountsEntity> _knownCounts = new(StringComparer.Ordinal);

    // Per partition, whether the last call that could take its listings as new found some of them stored already. If
    // so the next one reads first: taking a report's listings as new again would cost a failed transaction and a mark
    // and publication of the rollup, batch after batch. A first report keeps finding them new and reads nothing.
    private readonly ConcurrentDictionary<string, bool> _foundStored = new(StringComparer.Ordinal);

    /// <summary>
    /// Removes rows of a listing partition whatever they hold (a deleted channel's listings and, last, its count row).
    /// Nothing is counted or published: the channel is gone, its counts go with it.
    /// </summary>
    internal Task<long> RemoveAsync(string partitionKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken) =>
        storage.Listings.DeleteRowsAsync(partitionKey, rowKeys, cancellationToken);

    /// <summary>
    /// Writes <paramref name="changes"/> (all in one partition). A conflict on the count row is retried here; a
    /// conflict on a listing throws <see cref="ListingChangedException"/> after the transactions before it were
    /// written (<see cref="ListingChangedException.Written"/>).
    /// </summary>
    internal Task CommitAsync(string partitionKey, IReadOnlyList<ListingChange> changes, CancellationToken cancellationToken) =>
        CommitAsync(partitionKey, changes, indexed: null, cancellationToken);

    /// <inheritdoc cref="CommitAsync(string, IReadOnlyList{ListingChange}, CancellationToken)"/>
    /// <param name="indexed">Links whose item → listing index rows the caller has written already (a bulk edit writes
    /// those of many partitions together, in full transactions); the writer adds the others. Marks stay per
    /// partition, written just before its transactions, since the sync takes them once they are 30 s old.</param>
    private async Task CommitAsync(string partitionKey, IReadOnlyList<ListingChange> changes, IReadOnlySet<StockMarks.IndexedListing>? indexed, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            if (change.After.PartitionKey != partitionKey)
            {
                throw new ArgumentException($"Listing {change.After.RowKey} is not in partition {partitionKey}.", nameof(changes));
            }
        }

        // Before the write, so a crash after it leaves no change the stock sync does not hear of.
        var channelId = ListingPartition.Parse(partitionKey).ChannelId;
        await links.AddAsync(ListingSyncTriggers.LinksToAdd(channelId, changes).Where(l => indexed?.Contains(l) != true).ToList(), cancellationToken);
        await marks.MarkAsync(channelId, ListingSyncTriggers.ToMark(changes), cancellationToken);
        var written = new List<ListingChange>(changes.Count);
        try
        {
            foreach (var chunk in changes.Where(c => !c.MovesCounts).Chunk(TableTransactions.MaxActions))
            {
                var outcome = await storage.Listings.TrySubmitAsync(ListingActions(chunk), cancellationToken);
                if (!outcome.IsWritten)
                {
                    throw new ListingChangedException(chunk[outcome.FailedAction ?? 0].After.RowKey);
                }

                written.AddRange(chunk);
            }

            var counted = changes.Where(c => c.MovesCounts).ToList();
            if (counted.Count > 0)
            {
                await CommitCountedAsync(partitionKey, counted, written, cancellationToken);
            }
        }
        catch (ListingChangedException e)
        {
            await links.RemoveAsync(ListingSyncTriggers.LinksToRemove(channelId, written).ToList(), cancellationToken);
            throw new ListingChangedException(e.ListingId) { Written = written };
        }

        // After the write: until then the listing is linked, and the index must not miss it.
        await links.RemoveAsync(ListingSyncTriggers.LinksToRemove(channelId, written).ToList(), cancellationToken);
    }

    /// <summary>
    /// Writes one partition's listings, re-deciding on conflict: <paramref name="decide"/> gets each listing's row
    /// (null if none; a copy, free to change) and answers the new row, null for "no change", or a refusal. The
    /// decisions are committed together; if a listing changed since it was read, the listings are read again and
    /// decided again (what was written meanwhile reads as current, so deciding must be idempotent), at most
    /// <see cref="ConflictLimit.ListingPartition"/> times, then <see cref="ConflictRetriesExhaustedException"/>.
    /// </summary>
    /// <param name="listingIds">The listings, all in <paramref name="partitionKey"/>, each once.</param>
    /// <param name="read">Their rows as the caller read them (same order; null: none), or null to take them all as new
    /// without reading (a first report, a seed): when that is wrong the inserts conflict and the rows are read, and
    /// the next call for the partition reads first, until a read finds none of its listings stored.</param>
    internal Task<PartitionWrite> WritePartitionAsync(
        string partitionKey,
        IReadOnlyList<string> listingIds,
        IReadOnlyList<ListingEntity?>? read,
        Func<string, ListingEntity?, CancellationToken, ValueTask<Result<ListingEntity?>>> decide,
        CancellationToken cancellationToken) =>
        WritePartitionAsync(partitionKey, listingIds, read, decide, indexed: null, cancellationToken);

    /// <inheritdoc cref="WritePartitionAsync(string, IReadOnlyList{string}, IReadOnlyList{ListingEntity}, Func{string, ListingEntity, CancellationToken, ValueTask{Result{ListingEntity}}}, CancellationToken)"/>
    /// <param name="indexed">Links whose index rows the caller has written (see <see cref="StockMarks.ItemListingIndex"/>); the others are added as usual.</param>
    internal async Task<PartitionWrite> WritePartitionAsync(
        string partitionKey,
        IReadOnlyList<string> listingIds,
        IReadOnlyList<ListingEntity?>? read,
        Func<string, ListingEntity?, CancellationToken, ValueTask<Result<ListingEntity?>>> decide,
        IReadOnlySet<StockMarks.IndexedListing>? indexed,
        CancellationToken cancellationToken)
    {
        var written = new List<ListingChange>();
        return await retry.RunAsync(ConflictLimit.ListingPartition, async (attempt, ct) =>
        {
            var asNew = attempt == 0 && read is null && !_foundStored.GetValueOrDefault(partitionKey);
            var rows = attempt == 0 && read is not null ? read
                : asNew ? new ListingEntity?[listingIds.Count]
                : await ReadAsync(partitionKey, listingIds, ct);
            if (read is null && !asNew)
            {
                _foundStored[partitionKey] = rows.Any(r => r is not null);
            }

            var changes = new List<ListingChange>();
            var refused = new List<RefusedListing>();
            for (var i = 0; i < listingIds.Count; i++)
            {
                var decided = await decide(listingIds[i], rows[i]?.Clone(), ct);
                if (!decided.IsSuccess)
                {
                    refused.Add(new RefusedListing(listingIds[i], decided.Error));
                }
                else if (decided.Value is { } next)
                {
                    changes.Add(new ListingChange(rows[i], next));
                }
            }

            try
            {
                await CommitAsync(partitionKey, changes, indexed, ct);
                written.AddRange(changes);
                return Attempt.Done(new PartitionWrite(written, refused));
            }
            catch (ListingChangedException e)
            {
                if (asNew)
                {
                    _foundStored[partitionKey] = true;
                }

                written.AddRange(e.Written);
                return Attempt.Conflict<PartitionWrite>(e);
            }
        }, cancellationToken);
    }

    /// <summary><see cref="WritePartitionAsync(string, IReadOnlyList{string}, IReadOnlyList{ListingEntity}, Func{string, ListingEntity, CancellationToken, ValueTask{Result{ListingEntity}}}, CancellationToken)"/> with a decision that needs no I/O.</summary>
    internal Task<PartitionWrite> WritePartitionAsync(
        string partitionKey,
        IReadOnlyList<string> listingIds,
        IReadOnlyList<ListingEntity?>? read,
        Func<string, ListingEntity?, Result<ListingEntity?>> decide,
        CancellationToken cancellationToken) =>
        WritePartitionAsync(partitionKey, listingIds, read, (listingId, current, _) => ValueTask.FromResult(decide(listingId, current)), cancellationToken);

    /// <summary>
    /// Changes one listing. <paramref name="change"/> sees the current row (null if there is none) and returns the
    /// new one, null for "no change", or an error. Without <paramref name="ifMatch"/> a concurrent change is re-read
    /// and decided again; with it, the caller's version must still be current.
    /// </summary>
    internal Task<Result<ListingEntity?>> UpsertAsync(
        string channelId, string listingId, string? ifMatch, Func<ListingEntity?, Result<ListingEntity?>> change, CancellationToken cancellationToken)
    {
        var partitionKey = ListingPartition.PartitionKeyOf(channelId, listingId);
        return retry.RunAsync(ConflictLimit.Listing, async (_, ct) =>
        {
            var row = await storage.Listings.GetEntityIfExistsAsync<ListingEntity>(partitionKey, listingId, cancellationToken: ct);
            var current = row.HasValue ? row.Value : null;
            if (ifMatch is not null && current?.ETag != new ETag(ifMatch))
            {
                return Attempt.Done<Result<ListingEntity?>>(DomainError.PreconditionFailed($"Listing '{listingId}' is not at version {ifMatch}."));
            }

            var decided = change(current?.Clone());
            if (!decided.IsSuccess)
            {
                return Attempt.Done<Result<ListingEntity?>>(decided.Error);
            }

            if (decided.Value is not { } next)
            {
                return Attempt.Done<Result<ListingEntity?>>(current);
            }

            try
            {
                await CommitAsync(partitionKey, [new ListingChange(current, next)], ct);
                return Attempt.Done<Result<ListingEntity?>>(next);
            }
            catch (ListingChangedException)
            {
                Result<ListingEntity?> changed = DomainError.PreconditionFailed($"Listing '{listingId}' was changed by someone else; read it again and retry.");
                return ifMatch is null ? Attempt.ConflictOr(changed) : Attempt.Done(changed);
            }
        }, cancellationToken);
    }

    /// <summary>Like <see cref="UpsertAsync"/> for a listing that must exist.</summary>
    internal async Task<Result<ListingEntity>> UpdateAsync(
        string channelId, string listingId, string? ifMatch, Func<ListingEntity, Result<ListingEntity?>> change, CancellationToken cancellationToken)
    {
        var result = await UpsertAsync(
            channelId,
            listingId,
            ifMatch,
            current => current is null ? ListingIds.NotFound(channelId, listingId) : change(current),
            cancellationToken);
        return result.IsSuccess ? result.Value! : result.Error;
    }

    /// <summary>Writes changes that move counts, with the count row, between the rollup's mark and publication.</summary>
    private async Task CommitCountedAsync(string partitionKey, List<ListingChange> counted, List<ListingChange> written, CancellationToken cancellationToken)
    {
        var (channelId, partition) = ListingPartition.Parse(partitionKey);
        await rollup.StartAsync(channelId, partition, cancellationToken);
        ListingCountsEntity? counts = null;
        try
        {
            foreach (var chunk in counted.Chunk(ListingsPerTransaction))
            {
                counts = await CommitChunkAsync(partitionKey, chunk, cancellationToken);
                written.AddRange(chunk);
            }
        }
        catch (Exception)
        {
            await TryEndAsync(channelId, partition, counts);
            throw;
        }

        await TryEndAsync(channelId, partition, counts);
    }

    /// <summary>
    /// Ends the writer's mark. The listings are written (or the failure is the caller's to see) whatever happens here,
    /// so neither the caller's cancellation nor a storage error may turn that into a failure.
    /// </summary>
    private async Task TryEndAsync(string channelId, int partition, ListingCountsEntity? counts)
    {
        try
        {
            await rollup.EndAsync(channelId, partition, counts, CancellationToken.None);
        }
        catch (Exception)
        {
            // Whatever went wrong, the partition only stays marked: readers read its count row until a reader clears
            // the abandoned mark. Failing the write for it would report listings as unwritten that are written.
        }
    }

    /// <summary>Writes one transaction's worth with the count row; returns the partition's count row as written.</summary>
    private Task<ListingCountsEntity> CommitChunkAsync(string partitionKey, ListingChange[] chunk, CancellationToken cancellationToken) =>
        retry.RunAsync(ConflictLimit.ListingCounts, async (attempt, ct) =>
        {
            var counts = attempt == 0 && _knownCounts.TryGetValue(partitionKey, out var known)
                ? known.Clone()
                : await listings.GetCountsAsync(partitionKey, ct);
            var isNew = counts.ETag == default;
            counts.Version++;
            foreach (var change in chunk)
            {
                counts.Tally += change.Delta;
            }

            var actions = ListingActions(chunk);
            actions.Add(isNew
                ? new TableTransactionAction(TableTransactionActionType.Add, counts)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, counts, counts.ETag));
            var outcome = await storage.Listings.TrySubmitAsync(actions, ct);
            if (outcome.IsWritten)
            {
                if (counts.ETag == default)
                {
                    _knownCounts.TryRemove(partitionKey, out _);
                }
                else
                {
                    _knownCounts[partitionKey] = counts;
                }

                return Attempt.Done(counts);
            }

            if (outcome.FailedAction is { } index && index < chunk.Length)
            {
                throw new ListingChangedException(chunk[index].After.RowKey);
            }

            // The count row moved (another writer of the partition): read it again.
            _knownCounts.TryRemove(partitionKey, out _);
            return Attempt.Conflict<ListingCountsEntity>();
        }, cancellationToken);

    private static List<TableTransactionAction> ListingActions(ListingChange[] chunk)
    {
        var actions = new List<TableTransactionAction>(chunk.Length + 1);
        foreach (var change in chunk)
        {
            actions.Add(change.Before is null
                ? new TableTransactionAction(TableTransactionActionType.Add, change.After)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, change.After, change.Before.ETag));
        }

        return actions;
    }

    /// <summary>The rows of <paramref name="listingIds"/> (all in <paramref name="partitionKey"/>; null where none), by <see cref="KeyedReads"/>.</summary>
    internal async Task<ListingEntity?[]> ReadAsync(string partitionKey, IReadOnlyList<string> listingIds, CancellationToken cancellationToken)
    {
        var found = await storage.Listings.ReadRowsAsync<ListingEntity>(listingIds.Select(id => (partitionKey, id)), _readsInFlight, cancellationToken);
        return [.. listingIds.Select(id => found.GetValueOrDefault((partitionKey, id)))];
    }
}
