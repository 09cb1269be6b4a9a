using Azure;
using Azure.Data.Tables;
using InventoryMapping.Channels;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.StockSync;

/// <summary>
/// Which channels send a quantity for a SKU, per seller account and region. Amazon keeps one merchant quantity per SKU
/// per region, so two channels of one seller in one region that both send one overwrite each other: a conflict. The
/// sync plan claims a SKU for the channel when it first finds the listing eligible and releases it when it finds it
/// ineligible (unlinked, retired, FBA, Ignore Sync); each of those changes marks the listing, so the plan sees them
/// all, and nothing scans. A claim that finds another channel's claim of the SKU writes a conflict row for both
/// channels; the summary reads the channel's first few. Table <c>SkuClaims</c>:
/// claims <c>c~{seller}~{region}~{listing partition}</c> / <c>{listingId}|{channelId}</c>; conflicts
/// <c>x~{channelId}</c> / <c>{listingId}|{other channelId}</c>.
/// </summary>
public sealed class SkuClaims(AppStorage storage, IOptions<StorageThroughputOptions> throughput)
{
    /// <summary>At least this many SKUs of one claims partition are looked up with one read of the partition, fewer one query each.</summary>
    private const int DensePartition = 50;

    private readonly int _inFlight = throughput.Value.ItemTransactionsInFlight;

    private TableClient Table => storage.SkuClaims;

    /// <summary>Claims the listings' SKUs for the channel, then records a conflict with each other channel that claims one.</summary>
    public async Task ClaimAsync(Channel channel, IReadOnlyCollection<ClaimedSku> listings, CancellationToken cancellationToken)
    {
        if (listings.Count == 0)
        {
            return;
        }

        await Table.SubmitAllAsync(
            listings.Select(l => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(ClaimPartition(channel, l.ListingId), Key(l.ListingId, channel.ChannelId))
            {
                ["Sku"] = l.Sku,
            })),
            _inFlight,
            cancellationToken);
        var others = await ClaimsOfAsync(channel, listings, cancellationToken);
        await Table.SubmitAllAsync(
            others.Where(c => c.ChannelId != channel.ChannelId).SelectMany(c => new[]
            {
                Conflict(channel.ChannelId, c.ListingId, c.Sku, c.ChannelId),
                Conflict(c.ChannelId, c.ListingId, c.Sku, channel.ChannelId),
            }),
            _inFlight,
            cancellationToken);
    }

    /// <summary>
    /// Releases the channel's claims of the listings' SKUs and the conflicts they made: the conflicts first, the claim
    /// last, so a claim that is gone has nothing left behind (a crash in between is mended by releasing again).
    /// </summary>
    public async Task ReleaseAsync(Channel channel, IReadOnlyCollection<ClaimedSku> listings, CancellationToken cancellationToken)
    {
        if (listings.Count == 0)
        {
            return;
        }

        var claims = await ClaimsOfAsync(channel, listings, cancellationToken);
        await Parallel.ForEachAsync(
            claims.Where(c => c.ChannelId != channel.ChannelId),
            new ParallelOptions { MaxDegreeOfParallelism = _inFlight, CancellationToken = cancellationToken },
            async (c, ct) =>
            {
                await Table.TryDeleteAsync(ConflictPartition(channel.ChannelId), Key(c.ListingId, c.ChannelId), ETag.All, ct);
                await Table.TryDeleteAsync(ConflictPartition(c.ChannelId), Key(c.ListingId, channel.ChannelId), ETag.All, ct);
            });
        await Parallel.ForEachAsync(
            claims.Where(c => c.ChannelId == channel.ChannelId),
            new ParallelOptions { MaxDegreeOfParallelism = _inFlight, CancellationToken = cancellationToken },
            async (c, ct) => await Table.TryDeleteAsync(ClaimPartition(channel, c.ListingId), Key(c.ListingId, channel.ChannelId), ETag.All, ct));
    }

    /// <summary>Up to <paramref name="max"/> of the channel's conflicts, by SKU (one range read).</summary>
    public async Task<IReadOnlyList<SkuConflict>> OfChannelAsync(string channelId, int max, CancellationToken cancellationToken)
    {
        var page = await Table.ReadPageAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ConflictPartition(channelId)}"), continuation: null, max, cancellationToken, select: ["Sku", "ChannelId"]);
        return [.. page.Values.Select(r => new SkuConflict(r.GetString("ChannelId"), r.GetString("Sku")))];
    }

    /// <summary>Every channel's claims of these SKUs in the channel's seller and region (its own included).</summary>
    private async Task<List<Claim>> ClaimsOfAsync(Channel channel, IReadOnlyCollection<ClaimedSku> listings, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentBag<Claim>();
        var lookups = listings
            .GroupBy(l => ClaimPartition(channel, l.ListingId), StringComparer.Ordinal)
            .SelectMany(partition => partition.Count() >= DensePartition
                ? [(partition.Key, (IReadOnlySet<string>?)partition.Select(l => l.ListingId).ToHashSet(StringComparer.Ordinal), (string?)null)]
                : partition.Select(l => (partition.Key, (IReadOnlySet<string>?)null, (string?)l.ListingId)));
        await Parallel.ForEachAsync(
            lookups,
            new ParallelOptions { MaxDegreeOfParallelism = _inFlight, CancellationToken = cancellationToken },
            async (lookup, ct) =>
            {
                var (partitionKey, wanted, listingId) = lookup;
                var filter = listingId is null
                    ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")
                    : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey gt {listingId + "|"} and RowKey lt {listingId + "}"}");
                await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Sku"], cancellationToken: ct))
                {
                    var separator = row.RowKey.LastIndexOf('|');
                    var id = row.RowKey[..separator];
                    if (wanted is null || wanted.Contains(id))
                    {
                        found.Add(new Claim(id, row.GetString("Sku"), row.RowKey[(separator + 1)..]));
                    }
                }
            });
        return [.. found];
    }

    private static TableTransactionAction Conflict(string channelId, string listingId, string sku, string otherChannelId) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(ConflictPartition(channelId), Key(listingId, otherChannelId))
        {
            ["Sku"] = sku,
            ["ChannelId"] = otherChannelId,
        });

    private static string ClaimPartition(Channel channel, string listingId) =>
        $"c~{TableKey.Encode(channel.AccountId)}~{channel.Region}~{ListingPartition.Of(listingId):x2}";

    private static string ConflictPartition(string channelId) => $"x~{channelId}";

    // A listing id is an encoded SKU: it has no '|', so one SKU's rows are the range (id|, id}).
    private static string Key(string listingId, string channelId) => $"{listingId}|{channelId}";

    private sealed record Claim(string ListingId, string Sku, string ChannelId);
}
