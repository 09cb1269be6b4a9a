using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>
/// The only way listings are written. Each transaction carries up to 99 listing writes of one partition plus that
/// partition's count row, both under optimistic concurrency, so counts can never drift from the listings. Around
/// them the writer tells the channel's <see cref="ListingCountsRollup"/> it is at work and what it ended with.
/// </summary>
public sealed class ListingWriter(AppStorage storage, ListingStore listings, ListingCountsRollup rollup)
{
    private const int ListingsPerTransaction = TableTransactions.MaxActions - 1;
    private const int CountConflictRetries = 20;

    // The count rows this process wrote last, with their ETags: the next transaction in that partition starts from
    // them instead of reading. A stale one (another instance wrote since) costs one failed transaction and a read.
    private readonly ConcurrentDictionary<string, ListingCountsEntity> _knownCounts = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="changes"/> (all in one partition). A conflict on the count row is retried here; a
    /// conflict on a listing throws <see cref="ListingChangedException"/> after the chunks before it were written.
    /// </summary>
    internal async Task CommitAsync(string partitionKey, IReadOnlyList<ListingChange> changes, CancellationToken cancellationToken)
    {
        var (channelId, shard) = ListingShard.Parse(partitionKey);
        await rollup.StartAsync(channelId, shard, cancellationToken);
        ListingCountsEntity? counts = null;
        try
        {
            foreach (var chunk in changes.Chunk(ListingsPerTransaction))
            {
                counts = await CommitChunkAsync(partitionKey, chunk, cancellationToken);
            }
        }
        catch (Exception)
        {
            await TryEndAsync(channelId, shard, counts);
            throw;
        }

        await TryEndAsync(channelId, shard, counts);
    }

    /// <summary>
    /// Ends the writer's mark. The listings are written (or the failure is the caller's to see) whatever happens here,
    /// so neither the caller's cancellation nor a storage error may turn that into a failure.
    /// </summary>
    private async Task TryEndAsync(string channelId, int shard, ListingCountsEntity? counts)
    {
        try
        {
            await rollup.EndAsync(channelId, shard, counts, CancellationToken.None);
        }
        catch (Exception)
        {
            // Whatever went wrong, the partition only stays marked: readers read its count row until a reader clears
            // the abandoned mark. Failing the write for it would report listings as unwritten that are written.
        }
    }

    /// <summary>
    /// Changes one listing. <paramref name="change"/> sees the current row (null if there is none) and returns the
    /// new one, null for "no change", or an error. Without <paramref name="ifMatch"/> a concurrent change is re-read
    /// and decided again; with it, the caller's version must still be current.
    /// </summary>
    internal async Task<Result<ListingEntity?>> UpsertAsync(
        string channelId, string listingId, string? ifMatch, Func<ListingEntity?, Result<ListingEntity?>> change, CancellationToken cancellationToken)
    {
        var partitionKey = ListingShard.PartitionKeyOf(channelId, listingId);
        for (var attempt = 0; ; attempt++)
        {
            var row = await storage.Listings.GetEntityIfExistsAsync<ListingEntity>(partitionKey, listingId, cancellationToken: cancellationToken);
            var current = row.HasValue ? row.Value : null;
            if (ifMatch is not null && current?.ETag != new ETag(ifMatch))
            {
                return DomainError.PreconditionFailed($"Listing '{listingId}' is not at version {ifMatch}.");
            }

            var decided = change(current?.Clone());
            if (!decided.IsSuccess)
            {
                return decided.Error;
            }

            if (decided.Value is not { } next)
            {
                return current;
            }

            try
            {
                await CommitAsync(partitionKey, [new ListingChange(current, next)], cancellationToken);
                return next;
            }
            catch (ListingChangedException) when (ifMatch is null && attempt < CountConflictRetries)
            {
            }
            catch (ListingChangedException)
            {
                return DomainError.PreconditionFailed($"Listing '{listingId}' was changed by someone else; read it again and retry.");
            }
        }
    }

    /// <summary>Like <see cref="UpsertAsync"/> for a listing that must exist.</summary>
    internal async Task<Result<ListingEntity>> UpdateAsync(
        string channelId, string listingId, string? ifMatch, Func<ListingEntity, Result<ListingEntity?>> change, CancellationToken cancellationToken)
    {
        var result = await UpsertAsync(
            channelId,
            listingId,
            ifMatch,
            current => current is null ? DomainError.NotFound("Listing", listingId) : change(current),
            cancellationToken);
        return result.IsSuccess ? result.Value! : result.Error;
    }

    /// <summary>Writes one transaction's worth; returns the partition's count row as written.</summary>
    private async Task<ListingCountsEntity> CommitChunkAsync(string partitionKey, ListingChange[] chunk, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(chunk.Length + 1);
        foreach (var change in chunk)
        {
            if (change.After.PartitionKey != partitionKey)
            {
                throw new ArgumentException($"Listing {change.After.RowKey} is not in partition {partitionKey}.", nameof(chunk));
            }

            actions.Add(change.Before is null
                ? new TableTransactionAction(TableTransactionActionType.Add, change.After)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, change.After, change.Before.ETag));
        }

        for (var attempt = 0; ; attempt++)
        {
            var counts = attempt == 0 && _knownCounts.TryGetValue(partitionKey, out var known)
                ? known.Clone()
                : await listings.GetCountsAsync(partitionKey, cancellationToken);
            var isNew = counts.ETag == default;
            counts.Version++;
            foreach (var change in chunk)
            {
                counts.Add(change.Before, -1);
                counts.Add(change.After, +1);
            }

            actions.Add(isNew
                ? new TableTransactionAction(TableTransactionActionType.Add, counts)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, counts, counts.ETag));
            try
            {
                var responses = await storage.Listings.SubmitTransactionAsync(actions, cancellationToken);
                for (var i = 0; i < chunk.Length; i++)
                {
                    chunk[i].After.ETag = responses.Value[i].Headers.ETag ?? default;
                }

                counts.ETag = responses.Value[chunk.Length].Headers.ETag ?? default;
                if (counts.ETag == default)
                {
                    _knownCounts.TryRemove(partitionKey, out _);
                }
                else
                {
                    _knownCounts[partitionKey] = counts;
                }

                return counts;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
            {
                var failed = e.FailedTransactionActionIndex;
                if (failed is { } index && index < chunk.Length)
                {
                    throw new ListingChangedException(chunk[index].After.RowKey);
                }

                if (attempt >= CountConflictRetries)
                {
                    throw;
                }

                actions.RemoveAt(actions.Count - 1);
                _knownCounts.TryRemove(partitionKey, out _);
                if (attempt > 0)
                {
                    // Contention on the count row: back off a little so concurrent writers interleave.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * (attempt + 1))), cancellationToken);
                }
            }
        }
    }
}
