using System.Collections.Concurrent;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// Keeps one row per channel with the counts of all its listing partitions, so the summary is one point read instead
/// of <see cref="ListingShard.Count"/>. The count rows stay the truth (they change in the same transaction as the
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
        var shards = (row.HasValue ? row.Value! : new ChannelCountsEntity()).ReadShards();
        var busy = Enumerable.Range(0, ListingShard.Count).Where(shard => shards[shard].Writers > 0).ToList();
        var current = await Task.WhenAll(busy.Select(shard => listings.GetCountsAsync(ListingShard.PartitionKey(channelId, shard), cancellationToken)));
        var now = clock.GetUtcNow();
        var abandoned = new List<(int Shard, ListingCountsEntity Row)>();
        for (var i = 0; i < busy.Count; i++)
        {
            var shard = busy[i];
            if (shards[shard].LastStart is not { } start || now - start > AbandonedAfter)
            {
                abandoned.Add((shard, current[i]));
            }

            shards[shard] = shards[shard].With(current[i]);
        }

        if (abandoned.Count > 0)
        {
            await ClearAbandonedAsync(channelId, abandoned, cancellationToken);
        }

        var total = shards.Sum(s => s.Total);
        var active = shards.Sum(s => s.Active);
        return new ChannelCounts(total, active, total - active, shards.Sum(s => s.Linked), shards.Sum(s => s.Unlinked));
    }

    /// <summary>Before writing listings of a partition: readers read its count row until <see cref="EndAsync"/>.</summary>
    internal Task StartAsync(string channelId, int shard, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ApplyAsync(channelId, shards => shards[shard] = shards[shard] with { Writers = shards[shard].Writers + 1, LastStart = now }, cancellationToken);
    }

    /// <summary>After writing listings of a partition: publishes <paramref name="row"/> (null if nothing was written).</summary>
    internal Task EndAsync(string channelId, int shard, ListingCountsEntity? row, CancellationToken cancellationToken) =>
        ApplyAsync(
            channelId,
            shards =>
            {
                var ended = shards[shard] with { Writers = Math.Max(0, shards[shard].Writers - 1) };
                shards[shard] = row is null ? ended : ended.With(row);
            },
            cancellationToken);

    private Task ClearAbandonedAsync(string channelId, IReadOnlyList<(int Shard, ListingCountsEntity Row)> abandoned, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ApplyAsync(
            channelId,
            shards =>
            {
                foreach (var (shard, row) in abandoned)
                {
                    // Decided again on the row as it is now: a writer may have started or ended meanwhile.
                    if (shards[shard] is { Writers: > 0 } marked && (marked.LastStart is not { } start || now - start > AbandonedAfter))
                    {
                        shards[shard] = marked.With(row) with { Writers = 0, LastStart = null };
                    }
                }
            },
            cancellationToken);
    }

    /// <summary>Queues <paramref name="change"/> for the channel's row; one write carries every change queued meanwhile.</summary>
    private async Task ApplyAsync(string channelId, Action<ShardCounts[]> change, CancellationToken cancellationToken)
    {
        var channel = _channels.GetOrAdd(channelId, id => new ChannelRow(batch => WriteAsync(id, batch)));
        await channel.Commits.CommitAsync(change, cancellationToken);
    }

    private async Task<bool> WriteAsync(string channelId, IReadOnlyList<Action<ShardCounts[]>> batch)
    {
        var channel = _channels[channelId];
        // Not a caller's token: the batch carries other callers' changes.
        return await retry.RunAsync(ConflictLimit.ChannelCounts, async (_, ct) =>
        {
            var row = channel.Known?.Clone() ?? await ReadRowAsync(channelId, ct);
            var shards = row.ReadShards();
            foreach (var change in batch)
            {
                change(shards);
            }

            row.WriteShards(shards);
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

    private sealed class ChannelRow(Func<IReadOnlyList<Action<ShardCounts[]>>, Task<bool>> write)
    {
        public GroupCommit<Action<ShardCounts[]>, bool> Commits { get; } = new((batch, _) => write(batch));

        /// <summary>The row as this process last wrote it, with its ETag: the next write starts from it without a read.</summary>
        public ChannelCountsEntity? Known { get; set; }
    }
}
