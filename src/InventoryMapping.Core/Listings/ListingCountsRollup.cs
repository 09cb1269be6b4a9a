using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

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
public sealed class ListingCountsRollup(AppStorage storage, ListingStore listings, TimeProvider clock)
{
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(15);
    private const int ConflictRetries = 30;

    private readonly ConcurrentDictionary<string, ChannelQueue> _channels = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Queues <paramref name="change"/> for the channel's row. The first caller to find nobody writing the row writes
    /// it, with every change queued up to then, until the queue is empty; everyone else waits for the write with theirs.
    /// </summary>
    private async Task ApplyAsync(string channelId, Action<ShardCounts[]> change, CancellationToken cancellationToken)
    {
        var channel = _channels.GetOrAdd(channelId, _ => new ChannelQueue());
        var queued = new QueuedChange(change, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool writes;
        lock (channel.Gate)
        {
            channel.Queue.Add(queued);
            writes = !channel.Writing;
            channel.Writing = true;
        }

        if (writes)
        {
            await WriteQueuedAsync(channelId, channel);
        }

        await queued.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync(string channelId, ChannelQueue channel)
    {
        while (true)
        {
            List<QueuedChange> batch;
            lock (channel.Gate)
            {
                if (channel.Queue.Count == 0)
                {
                    channel.Writing = false;
                    return;
                }

                batch = channel.Queue;
                channel.Queue = [];
            }

            try
            {
                // Not the caller's token: the batch carries other callers' changes.
                await WriteAsync(channelId, channel, batch, CancellationToken.None);
                batch.ForEach(c => c.Done.SetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(c => c.Done.SetException(e));
            }
        }
    }

    private async Task WriteAsync(string channelId, ChannelQueue channel, IReadOnlyList<QueuedChange> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = channel.Known?.Clone() ?? await ReadRowAsync(channelId, cancellationToken);
            var shards = row.ReadShards();
            foreach (var queued in batch)
            {
                queued.Change(shards);
            }

            row.WriteShards(shards);
            try
            {
                var response = row.ETag == default
                    ? await storage.Channels.AddEntityAsync(row, cancellationToken)
                    : await storage.Channels.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                row.ETag = response.Headers.ETag ?? default;
                channel.Known = row.ETag == default ? null : row;
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < ConflictRetries)
            {
                // Another instance wrote it since: read it again and apply the same changes to what it holds now.
                channel.Known = null;
                if (attempt > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * (attempt + 1))), cancellationToken);
                }
            }
        }
    }

    private async Task<ChannelCountsEntity> ReadRowAsync(string channelId, CancellationToken cancellationToken)
    {
        var row = await storage.Channels.GetEntityIfExistsAsync<ChannelCountsEntity>(ChannelCountsEntity.Partition, channelId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : new ChannelCountsEntity { RowKey = channelId };
    }

    private sealed class ChannelQueue
    {
        public Lock Gate { get; } = new();

        public List<QueuedChange> Queue { get; set; } = [];

        public bool Writing { get; set; }

        /// <summary>The row as this process last wrote it, with its ETag: the next write starts from it without a read.</summary>
        public ChannelCountsEntity? Known { get; set; }
    }

    private sealed record QueuedChange(Action<ShardCounts[]> Change, TaskCompletionSource Done);
}
