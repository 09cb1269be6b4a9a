using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Mapping;

/// <summary>Link, unlink, Ignore Sync, and "create a stock item from this listing" for single listings.</summary>
public sealed class LinkService(ChannelStore channels, ListingStore listings, ListingWriter writer, LinkedItems linkedItems, InventoryStore items, ItemWriter itemWriter, TimeProvider clock)
{
    public async Task<Result<Listing>> LinkAsync(string channelId, string listingId, LinkTarget target, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await MissingAsync(channelId, listingId, cancellationToken) is { } missing)
        {
            return missing;
        }

        var item = await ResolveAsync(target, cancellationToken);
        if (!item.IsSuccess)
        {
            return item.Error;
        }

        var now = clock.GetUtcNow();
        return await linkedItems.ShowAsync(channelId, await writer.UpdateAsync(
            channelId,
            listingId,
            ifMatch,
            listing => listing.IsLinked && listing.LinkedItemId == item.Value.ItemId ? null : listing.LinkTo(item.Value, now, jobId: null),
            cancellationToken), cancellationToken);
    }

    public async Task<Result<Listing>> UnlinkAsync(string channelId, string listingId, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await MissingAsync(channelId, listingId, cancellationToken) is { } missing)
        {
            return missing;
        }

        var now = clock.GetUtcNow();
        return await linkedItems.ShowAsync(channelId, await writer.UpdateAsync(
            channelId, listingId, ifMatch, listing => listing.IsLinked ? listing.Unlink(now) : null, cancellationToken), cancellationToken);
    }

    /// <summary>Changes the user-owned settings of a listing: Ignore Sync, and its own stock rules (replaced as a whole when given).</summary>
    public async Task<Result<Listing>> PatchAsync(
        string channelId, string listingId, bool? ignoreSync, StockRules? stockRules, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await MissingAsync(channelId, listingId, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (ignoreSync is null && stockRules is null)
        {
            return DomainError.Invalid("ignoreSync", "Give ignoreSync (true or false), stockRules, or both.");
        }

        if (stockRules?.Problem("stockRules.") is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        return await linkedItems.ShowAsync(channelId, await writer.UpdateAsync(
            channelId,
            listingId,
            ifMatch,
            listing =>
            {
                var rules = stockRules ?? listing.StockRules();
                if (listing.IgnoreSync == (ignoreSync ?? listing.IgnoreSync) && listing.StockRules() == rules)
                {
                    return (ListingEntity?)null;
                }

                listing.IgnoreSync = ignoreSync ?? listing.IgnoreSync;
                (listing.StockPercentage, listing.MaxListedQuantity, listing.EndWhenStock) = (rules.StockPercentage, rules.MaxListedQuantity, rules.EndWhenStock);
                listing.UpdatedAt = now;
                return listing;
            },
            cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Creates an item from the listing (SKU, title, price, quantity at the channel's location) and links it.
    /// If an item already has the SKU: a conflict naming it, and nothing is created.
    /// </summary>
    public async Task<Result<ListingWithItem>> CreateItemAsync(string channelId, string listingId, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is not { } channel)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var listing = ListingIds.TryGetSku(listingId, out _) ? await listings.GetEntityAsync(channelId, listingId, cancellationToken) : null;
        if (listing is null)
        {
            return ListingIds.NotFound(channelId, listingId);
        }

        if (listing.IsLinked)
        {
            // Relinking is explicit (PUT …/link), never a side effect of creating an item.
            return DomainError.Conflict($"The listing is already linked to item '{listing.LinkedItemId}'; unlink it first, or relink it with PUT …/link.", "linkedItem");
        }

        if (await items.FindBySkuAsync(listing.Sku, cancellationToken) is { } existing)
        {
            return InventoryStore.SkuTaken(existing.ItemId, existing.Sku);
        }

        var entity = NewItemFrom(listing, channel, ItemIds.New(), clock.GetUtcNow());
        var created = (await itemWriter.CreateManyAsync([entity], cancellationToken))[0];
        if (created.DuplicateOfItemId is { } holder)
        {
            return await items.SkuTakenAsync(holder, listing.Sku, cancellationToken);
        }

        var reference = new ItemReference(created.Item.ItemId, created.Item.Sku);
        var now = clock.GetUtcNow();
        var linked = await linkedItems.ShowAsync(
            channelId, await writer.UpdateAsync(channelId, listingId, null, l => l.LinkTo(reference, now, jobId: null), cancellationToken), cancellationToken);
        return linked.IsSuccess ? new ListingWithItem(linked.Value, created.Item) : linked.Error;
    }

    /// <summary>The item a listing becomes: SKU and title from Amazon, retail price = Amazon price, stock = Amazon quantity.</summary>
    internal static ItemEntity NewItemFrom(ListingEntity listing, Channel channel, string itemId, DateTimeOffset now)
    {
        var price = ListingMapping.ParsePrice(listing.Price);
        return InventoryService.NewEntity(
            itemId,
            new ItemDefinition(
                listing.Sku,
                listing.Title,
                PurchasePrice: 0,
                RetailPrice: price ?? 0,
                Description: "",
                Weight: 0,
                TaxRate: -1,
                StockLevels: new Dictionary<string, int> { [channel.LocationIds[0]] = Math.Max(0, listing.Quantity ?? 0) }),
            now);
    }

    private async Task<Result<ItemReference>> ResolveAsync(LinkTarget target, CancellationToken cancellationToken)
    {
        if ((target.ItemId is null) == (target.ItemSku is null))
        {
            return DomainError.Invalid("itemId", "Give exactly one of itemId or itemSku.");
        }

        if (target.ItemId is { } itemId)
        {
            var item = await items.GetEntityAsync(itemId, cancellationToken);
            return item is null ? DomainError.NotFound("Item", itemId) : new ItemReference(item.RowKey, item.Sku);
        }

        if (ItemRules.SkuProblem(target.ItemSku) is { } problem)
        {
            return DomainError.Invalid("itemSku", problem);
        }

        return await items.FindBySkuAsync(target.ItemSku!, cancellationToken) is { } found
            ? found
            : DomainError.NotFound("Item with SKU", target.ItemSku!);
    }

    /// <summary>Not found when the channel does not exist or the listing id cannot be one (listing rows are checked when read).</summary>
    private async Task<DomainError?> MissingAsync(string channelId, string listingId, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        return ListingIds.TryGetSku(listingId, out _) ? null : ListingIds.NotFound(channelId, listingId);
    }
}
