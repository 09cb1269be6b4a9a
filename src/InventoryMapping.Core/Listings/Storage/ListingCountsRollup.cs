using System.Collections.Concurrent;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// Keeps one row per channel with the counts of all its listing partitions, so the summary is one point read instead
/// of <see cref="ListingPartition.Count"/>. The count rows stay the truth (they change in the same transaction as the
/// listings); this row is a copy that writers publish, and it is never trusted where it may be behind:
/// <list type="number">
/// <item>a writer marks the partition (<see cref="StartAsync"/>: one more writer) before its transactions,</item>
/// <item>and publishes the count row it ended with (<see cref="EndAsync"/>: one writer fewer, newer counts win).</item>
/// </list>
/// A reader takes the copy for partitions without writers and reads the count row of the others, so the totals are
/// exact at every moment, and a writer that died between the two steps only costs readers that one read. A marked
/// partition nobody has started writing for <see cref="AbandonedAfter"/> is cleared by the reader that finds it.
/// Changes to one channel's row in this process are applied together, one write for all that queued meanwhile.
/// </summary>
public sealed class ListingCountsRollup(AppStorage storage, ListingStore listings, ConflictRetry retry, TimeProvider clock)
{
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, ChannelRow> _channels = new(StringComparer.Ordinal);

    /// <summary>Exact totals of the channel: one point read while no writer is at work on it.</summary>
    public async Task<ChannelCounts> ReadAsync(string channelId, CancellationToken cancellationToken)
    {
        var row = await storage.Channels.GetEntityIfExistsAsync<ChannelCountsEntity>(ChannelCountsEntity.Partition, channelId, cancellationToken: cancellationToken);
        var partitions = (row.HasValue ? row.Value! : new ChannelCountsEntity()).ReadPartitions();
        var busy = Enumerable.Range(0, ListingPartition.Count).Where(partition => partitions[partition].Writers > 0).ToList();
        var current = await Task.WhenAll(busy.Select(partition => listings.GetCountsAsync(ListingPartition.PartitionKey(channelId, partition), cancellationToken)));
        var now = clock.GetUtcNow();
        var abandoned = new List<(int Partition, ListingCountsEntity Row)>();
        for (var i = 0; i < busy.Count; i++)
        {
            var partition = busy[i];
            if (partitions[partition].LastStart is not { } start || now - start > AbandonedAfter)
            {
                abandoned.Add((partition, current[i]));
            }

            partitions[partition] = partitions[partition].With(current[i]);
        }

        if (abandoned.Count > 0)
        {
            await ClearAbandonedAsync(channelId, abandoned, cancellationToken);
        }

        return partitions.Aggregate(default(ListingTally), (sum, p) => sum + p.Counts).ToChannelCounts();
    }

    /// <summary>Before writing listings of a partition: readers read its count row until <see cref="EndAsync"/>.</summary>
    internal Task StartAsync(string channelId, int partition, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ApplyAsync(channelId, partitions => partitions[partition] = partitions[partition] with { Writers = partitions[partition].Writers + 1, LastStart = now }, cancellationToken);
    }

    /// <summary>After writing listings of a partition: publishes <paramref name="row"/> (null if nothing was written).</summary>
    internal Task EndAsync(string channelId, int partition, ListingCountsEntity? row, CancellationToken cancellationToken) =>
        ApplyAsync(
            channelId,
            partitions =>
            {
                var ended = partitions[partition] with { Writers = Math.Max(0, partitions[partition].Writers - 1) };
                partitions[partition] = row is null ? ended : ended.With(row);
            },
            cancellationToken);

    private Task ClearAbandonedAsync(string channelId, IReadOnlyList<(int Partition, ListingCountsEntity Row)> abandoned, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ApplyAsync(
            channelId,
            partitions =>
            {
                foreach (var (partition, row) in abandoned)
                {
                    // Decided again on the row as it is now: a writer may have started or ended meanwhile.
                    if (partitions[partition] is { Writers: > 0 } marked && (marked.LastStart is not { } start || now - start > AbandonedAfter))
                    {
                        partitions[partition] = marked.With(row) with { Writers = 0, LastStart = null };
                    }
                }
            },
            cancellationToken);
    }

    /// <summary>Queues <paramref name="change"/> for the channel's row; one write carries every change queued meanwhile.</summary>
    private async Task ApplyAsync(string channelId, Action<PartitionCounts[]> change, CancellationToken cancellationToken)
    {
        var channel = _channels.GetOrAdd(channelId, id => new ChannelRow(batch => WriteAsync(id, batch)));
        await channel.Commits.CommitAsync(change, cancellationToken);
    }

    private async Task<bool> WriteAsync(string channelId, IReadOnlyList<Action<PartitionCounts[]>> batch)
    {
        var channel = _channels[channelId];
        // Not a caller's token: the batch carries other callers' changes.
        return await retry.RunAsync(ConflictLimit.ChannelCounts, async (_, ct) =>
        {
            var row = channel.Known?.Clone() ?? await ReadRowAsync(channelId, ct);
            var partitions = row.ReadPartitions();
            foreach (var change in batch)
            {
                change(partitions);
            }

            row.WritePartitions(partitions);
            if (await storage.Channels.TryWriteAsync(row, ct) == WriteOutcome.Written)
            {
                channel.Known = row.ETag == default ? null : row;
                return Attempt.Done(true);
            }

            // Another instance wrote it since: read it again and apply the same changes to what it holds now.
            channel.Known = null;
            return Attempt.Conflict<bool>();
        }, CancellationToken.None);
    }

    private async Task<ChannelCountsEntity> ReadRowAsync(string channelId, CancellationToken cancellationToken)
    {
        var row = await storage.Channels.GetEntityIfExistsAsync<ChannelCountsEntity>(ChannelCountsEntity.Partition, channelId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : new ChannelCountsEntity { RowKey = channelId };
    }

    private sealed class ChannelRow(Func<IReadOnlyList<Action<PartitionCounts[]>>, Task<bool>> write)
    {
        public GroupCommit<Action<PartitionCounts[]>, bool> Commits { get; } = new((batch, _) => write(batch));

        /// <summary>The row as this process last wrote it, with its ETag: the next write starts from it without a read.</summary>
        public ChannelCountsEntity? Known { get; set; }
    }
}
