using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Bench;

/// <summary>Fills the app's storage through its public bulk APIs, a chunk per call, <c>parallelism</c> calls at once.</summary>
public sealed class BulkSeeder(BenchHost host, int chunk, int parallelism)
{
    public const string ChannelId = "bench";

    public async Task CreateChannelAsync(CancellationToken cancellationToken)
    {
        var result = await host.Get<ChannelService>().PutAsync(
            ChannelId,
            new ChannelDefinition("A1BENCHSELLER", "Bench seller", "EU", ["A1F83G8C2ARO7P"], null, AutoLinkBySku: false, ListingsRefreshMinutes: null),
            ifMatch: null,
            cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Could not create the channel: {result.Error}");
        }
    }

    public async Task ListingsAsync(IReadOnlyList<ListingInput> listings, CancellationToken cancellationToken)
    {
        var writer = host.Get<ListingBatchWriter>();
        var done = 0;
        await Parallel.ForEachAsync(
            listings.Chunk(chunk),
            Options(cancellationToken),
            async (part, ct) =>
            {
                var result = await writer.UpsertAsync(ChannelId, part, reportId: null, ct);
                if (result.Rejected.Count > 0)
                {
                    throw new InvalidOperationException($"{result.Rejected.Count} listings rejected, e.g. {result.Rejected[0]}");
                }

                Report("listings", Interlocked.Add(ref done, part.Length), listings.Count);
            });
    }

    /// <summary>Creates the items; returns their ids by SKU.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ItemsAsync(IReadOnlyList<ItemDefinition> items, CancellationToken cancellationToken)
    {
        var service = host.Get<InventoryService>();
        var ids = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var done = 0;
        await Parallel.ForEachAsync(
            items.Chunk(chunk),
            Options(cancellationToken),
            async (part, ct) =>
            {
                var result = await service.CreateManyAsync(part, ct);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException($"Items rejected: {result.Error}");
                }

                foreach (var created in result.Value)
                {
                    if (!created.Created)
                    {
                        throw new InvalidOperationException($"SKU {created.Item.Sku} was reported as a duplicate.");
                    }

                    ids[created.Item.Sku] = created.Item.ItemId;
                }

                Report("items", Interlocked.Add(ref done, part.Length), items.Count);
            });
        return ids;
    }

    private static void Report(string what, int done, int total) => BenchReport.Progress($"{what}: {done:N0}/{total:N0}");

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
}
