using Azure;
using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.StockMarks;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Deletes an item and unlinks the listings linked to it: each channel the item → listings index names gets a job
/// that unlinks the listings the index has for the item there (the index may hold a row too many, never one too
/// few; a row goes only after its unlink commits). The steps are ordered so that a retry after a crash at any point
/// finishes the deletion:
/// <list type="number">
/// <item>mark the item deleted (under If-Match): from then on it reads as gone, so nothing new links to it by id;</item>
/// <item>free its SKU and remove its lookup and search rows, so nothing links to it by SKU either;</item>
/// <item>start the unlink job of every channel with index rows of the item (a retry finds those not yet unlinked);</item>
/// <item>delete its row.</item>
/// </list>
/// A DELETE of an item marked deleted (a retry) goes on from step 2 whatever its If-Match says.
/// </summary>
public sealed class ItemDeletion(InventoryStore store, ItemWriter writer, ChannelStore channels, ItemListingIndex index, MappingJobs jobs, TimeProvider clock)
{
    public async Task<Result<ItemDeleted>> DeleteAsync(string itemId, string? ifMatch, CancellationToken cancellationToken)
    {
        var item = await store.GetEntityEvenIfDeletingAsync(itemId, cancellationToken);
        if (item is null)
        {
            return DomainError.NotFound("Item", itemId);
        }

        if (item.DeletedAt is null)
        {
            var marked = await writer.MarkDeletedAsync(item, ifMatch is null ? item.ETag : new ETag(ifMatch), clock.GetUtcNow(), cancellationToken);
            if (!marked.IsSuccess)
            {
                return marked.Error;
            }
        }

        await writer.RemoveSkuRowsAsync(item, cancellationToken);
        var unlinking = new List<Job>();
        var linkedIn = (await index.ListingsOfAsync(itemId, cancellationToken)).Select(l => l.ChannelId).ToHashSet(StringComparer.Ordinal);
        foreach (var channel in (await channels.ListAsync(cancellationToken)).Where(c => linkedIn.Contains(c.ChannelId)))
        {
            unlinking.Add(await jobs.StartUnlinkDeletedItemAsync(channel.ChannelId, itemId, cancellationToken));
        }

        await writer.DeleteRowAsync(item, cancellationToken);
        return new ItemDeleted(itemId, unlinking);
    }
}
