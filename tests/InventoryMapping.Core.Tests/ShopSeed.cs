using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests;

/// <summary>The "shop" channel most core tests work on, with listings and items of the given SKUs (titles "t").</summary>
internal static class ShopSeed
{
    public static async Task SeedAsync(TestServices app, IEnumerable<string> listingSkus, IEnumerable<string> itemSkus)
    {
        await app.Get<ChannelService>().PutAsync("shop", new ChannelDefinition("S", "n", "EU", ["A1F83G8C2ARO7P"], null, null, null), null, default);
        await app.Get<ListingBatchWriter>().UpsertAsync("shop", listingSkus.Select(s => new ListingInput(s, "t")).ToList(), null, default);
        var items = itemSkus.Select(s => new ItemDefinition(s, "t")).ToList();
        if (items.Count > 0)
        {
            await app.Get<InventoryService>().CreateManyAsync(items, default);
        }
    }
}
