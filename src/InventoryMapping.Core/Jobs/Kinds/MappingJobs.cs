using InventoryMapping.Channels;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>Starts the bulk mapping jobs of a channel: Link All by SKU, Create All, and unlinking a deleted item.</summary>
public sealed class MappingJobs(ChannelStore channels, ListingCountsRollup counts, JobService jobs)
{
    /// <summary>Starts Link All or Create All over the channel's unlinked listings.</summary>
    public async Task<Result<Job>> StartAsync(JobKind kind, string channelId, bool dryRun, SkuMatchMode match, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(kind, JobKind.UnlinkDeletedItem);
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var total = (await counts.ReadAsync(channelId, cancellationToken)).Unlinked;
        return kind == JobKind.LinkAllBySku
            ? await jobs.StartAsync(kind, channelId, dryRun, new LinkAllBySkuParameters(match), total, cancellationToken)
            : await jobs.StartAsync(kind, channelId, dryRun, new CreateAllParameters(), total, cancellationToken);
    }

    /// <summary>Starts unlinking the channel's listings from a deleted item (how many there are is known only at the end).</summary>
    internal Task<Job> StartUnlinkDeletedItemAsync(string channelId, string itemId, CancellationToken cancellationToken) =>
        jobs.StartAsync(JobKind.UnlinkDeletedItem, channelId, dryRun: false, new UnlinkDeletedItemParameters(itemId), total: 0, cancellationToken);
}
