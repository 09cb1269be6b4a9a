using InventoryMapping.Channels;

namespace InventoryMapping.StockSync;

/// <summary>
/// Marks every eligible linked listing of a channel for the sync (a job over its listings). Implemented by the job
/// kinds, which depend on the stock sync, not the other way round.
/// </summary>
public interface IChannelResync
{
    /// <param name="force">Send even quantities Amazon has (Force Update); otherwise only those that differ or were never sent.</param>
    /// <returns>The job's id.</returns>
    Task<string> StartAsync(Channel channel, bool force, bool dryRun, CancellationToken cancellationToken);
}
