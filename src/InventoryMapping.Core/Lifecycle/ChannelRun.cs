using InventoryMapping.Channels;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.Lifecycle;

/// <summary>
/// One timer run over every channel: a bounded number at once, each channel's failure its own (reported when the
/// others are done), and a budget after which no channel is started (the rest go first in the next run, so no channel is starved by a slow neighbour).
/// </summary>
internal sealed partial class ChannelRun(int parallelism, TimeSpan runBudget, TimeProvider clock, ILogger logger)
{
    private int _nextStart;

    public async Task RunAsync(string name, IReadOnlyList<Channel> channels, Func<Channel, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (channels.Count == 0)
        {
            return;
        }

        var started = clock.GetTimestamp();
        var offset = _nextStart % channels.Count;
        var ordered = channels.Skip(offset).Concat(channels.Take(offset)).ToList();
        var reached = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        await Parallel.ForEachAsync(
            ordered.Select((channel, index) => (channel, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                if (clock.GetElapsedTime(started) >= runBudget)
                {
                    return;
                }

                Interlocked.Increment(ref reached);
                try
                {
                    await work(entry.channel, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // The lifecycle records Amazon's failures on the request; this is storage or a bug: the channel's
                    // next run tries again, and the other channels go on.
                    LogChannelFailed(logger, e, name, entry.channel.ChannelId);
                    failures.Enqueue(e);
                }
            });

        var skipped = channels.Count - reached;
        if (skipped > 0)
        {
            _nextStart = (offset + reached) % channels.Count;
            LogBudgetSpent(logger, name, runBudget, reached, skipped);
        }

        if (!failures.IsEmpty)
        {
            // Every other channel was worked; the run still reports the failure so the host shows it.
            throw new AggregateException($"{name}: {failures.Count} of {channels.Count} channels failed.", failures);
        }
    }

    [LoggerMessage(LogLevel.Error, "{Run}: channel {ChannelId} failed; the next run tries again")]
    private static partial void LogChannelFailed(ILogger logger, Exception exception, string run, string channelId);

    [LoggerMessage(LogLevel.Warning, "{Run}: run budget {Budget} spent after {Reached} channels; {Skipped} left for the next run, which starts with them")]
    private static partial void LogBudgetSpent(ILogger logger, string run, TimeSpan budget, int reached, int skipped);
}
