using InventoryMapping.Channels;
using InventoryMapping.Listings.Storage;
using InventoryMapping.StockSync;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>Starts Force Update (with its cooldown) and the stock sync's resync after a rule change, both as <see cref="ForceUpdate"/> jobs.</summary>
public sealed class StockJobs(ChannelStore channels, ListingCountsRollup counts, JobService jobs, StockSyncRows rows, IOptions<StockSyncOptions> options) : IChannelResync
{
    /// <summary>
    /// Resubmits every eligible linked listing's quantity. Excessive use gets the seller throttled by Amazon, so a
    /// channel's Force Update is refused for <see cref="StockSyncOptions.ForceUpdateCooldown"/> after the last one
    /// (a dry run is not counted: it sends nothing).
    /// </summary>
    public async Task<Result<Job>> StartForceUpdateAsync(string channelId, bool dryRun, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is not { } channel)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        if (!dryRun && await rows.TryClaimForceUpdateAsync(channelId, options.Value.ForceUpdateCooldown, cancellationToken) is { } wait)
        {
            return DomainError.TooManyRequests(
                $"Force Update ran on this channel less than {options.Value.ForceUpdateCooldown.TotalMinutes:0} minutes ago; excessive use gets the account throttled by Amazon. Try again in {Math.Ceiling(wait.TotalMinutes):0} minutes.",
                wait);
        }

        return await StartJobAsync(channel, force: true, dryRun, cancellationToken);
    }

    async Task<string> IChannelResync.StartAsync(Channel channel, bool force, bool dryRun, CancellationToken cancellationToken) =>
        (await StartJobAsync(channel, force, dryRun, cancellationToken)).JobId;

    private async Task<Job> StartJobAsync(Channel channel, bool force, bool dryRun, CancellationToken cancellationToken) =>
        await jobs.StartAsync(JobKind.ForceUpdate, channel.ChannelId, dryRun, new ForceUpdateParameters(force), (await counts.ReadAsync(channel.ChannelId, cancellationToken)).Linked, cancellationToken);
}
