using Azure.Data.Tables;

namespace InventoryMapping.Bench;

/// <summary>Fresh tables standing for Items, ItemSkus and ItemChanges in a raw baseline.</summary>
public sealed record RawItemTables(TableClient Items, TableClient ItemSkus, TableClient? ItemChanges)
{
    public static async Task<RawItemTables> CreateAsync(BenchHost host, CancellationToken cancellationToken) =>
        new(await host.FreshTableAsync("Items", cancellationToken),
            await host.FreshTableAsync("ItemSkus", cancellationToken),
            await host.FreshTableAsync("ItemChanges", cancellationToken));
}
