namespace InventoryMapping.StockMarks;

/// <summary>Marks every listing linked to an item, in every channel, before a change of its stock is written.</summary>
public sealed class StockChangeMarker(ItemListingIndex index, PendingStockMarks marks)
{
    public async Task ItemStockChangingAsync(string itemId, CancellationToken cancellationToken)
    {
        foreach (var channel in (await index.ListingsOfAsync(itemId, cancellationToken)).GroupBy(l => l.ChannelId, StringComparer.Ordinal))
        {
            await marks.MarkAsync(channel.Key, channel.Select(l => l.ListingId), cancellationToken);
        }
    }
}
