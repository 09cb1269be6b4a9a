using InventoryMapping.SpApi;
using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;
using Microsoft.Extensions.Options;

namespace InventoryMapping.ListingReports;

/// <summary>
/// Streams a report's rows into the listings table in bounded batches, then retires the channel's listings the
/// report did not contain. Running it again on the same report changes nothing.
/// </summary>
public sealed class ListingReportIngestor(ListingBatchWriter listings, ListingCountsRollup counts, InventoryStore items, IOptions<ListingReportOptions> options)
{
    /// <param name="ingestionId">Stamped on every listing the report contains; the same id on a re-run.</param>
    /// <param name="holdShare">
    /// When the listings to retire would be more than this share of the channel's listed ones, none are retired and the
    /// result says <see cref="ReportIngestion.Held"/>; <see cref="RetireAbsentAsync"/> applies them later. Null: never held.
    /// </param>
    public async Task<ReportIngestion> IngestAsync(
        Channel channel, string ingestionId, IAsyncEnumerable<AmazonListingRow> rows, CancellationToken cancellationToken, double? holdShare = null)
    {
        using var activity = Telemetry.Source.StartActivity("ReportIngestion")?.SetTag("channel.id", channel.ChannelId).SetTag("ingestion.id", ingestionId);
        long total = 0, created = 0, updated = 0, rejected = 0;

        // Hashes of the SKUs this report stamps: 8 bytes a listing. A collision only makes the count smaller,
        // which makes the sweep below run: the safe side.
        var stamped = new HashSet<ulong>();
        var batch = new Dictionary<string, ListingInput>(StringComparer.Ordinal);
        Func<string, CancellationToken, Task<ItemReference?>>? linkNew = channel.AutoLinkBySku ? ExactItemAsync : null;

        // One batch is written while the next is read from the download: two batches in memory at most.
        Task<ListingBatchResult>? writing = null;
        async Task CompleteWritingAsync()
        {
            if (writing is not null)
            {
                var result = await writing;
                created += result.Created;
                updated += result.Updated;
                rejected += result.Rejected.Count;
                writing = null;
            }
        }

        async Task FlushAsync()
        {
            await CompleteWritingAsync();
            writing = listings.UpsertAsync(channel.ChannelId, batch.Values.ToList(), ingestionId, cancellationToken, linkNew);
            batch = new Dictionary<string, ListingInput>(StringComparer.Ordinal);
        }

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            total++;
            var input = ToInput(row);
            batch[row.Sku] = input; // a SKU twice in one batch: the later row wins
            if (ListingRules.Check(input) is null)
            {
                stamped.Add(StableHash.Of64(row.Sku));
            }

            if (batch.Count >= options.Value.IngestBatchSize)
            {
                await FlushAsync();
            }
        }

        if (batch.Count > 0)
        {
            await FlushAsync();
        }

        await CompleteWritingAsync();
        // Every stamped listing is listed now, so the listed ones this report did not stamp are those the sweep would
        // retire. When there are none (the counts are exact) the sweep, a read of the channel's listed listings, is skipped.
        var totals = await counts.ReadAsync(channel.ChannelId, cancellationToken);
        var toRetire = Math.Max(0, totals.Total - stamped.Count);
        if (toRetire == 0)
        {
            return new ReportIngestion(total, created, updated, rejected, 0);
        }

        if (holdShare is { } share && toRetire > share * totals.Total)
        {
            return new ReportIngestion(total, created, updated, rejected, 0, Held: true, ToRetire: toRetire);
        }

        var retired = await RetireAbsentAsync(channel.ChannelId, ingestionId, cancellationToken);
        return new ReportIngestion(total, created, updated, rejected, retired);
    }

    /// <summary>Retires the channel's listed listings that report <paramref name="ingestionId"/> did not contain (also a held report's, once confirmed).</summary>
    public Task<int> RetireAbsentAsync(string channelId, string ingestionId, CancellationToken cancellationToken) =>
        listings.RetireAbsentAsync(channelId, ingestionId, cancellationToken);

    /// <summary>A report row as the listing input it becomes (title cleaned, FBA quantity dropped, status mapped).</summary>
    public static ListingInput ToInput(AmazonListingRow row) => new(
        row.Sku,
        CleanTitle(row.Title),
        row.Asin,
        row.Price,
        row.IsFba ? null : row.Quantity,
        row.IsFba,
        StatusOf(row.Status),
        new AmazonListingDetails(row.Status, row.ListingId, row.ProductId, row.ProductIdType, row.OpenDate, row.FulfillmentChannel));

    /// <summary>Amazon's titles are kept as they are, but for control characters (which the API refuses) and length.</summary>
    private static string CleanTitle(string? title)
    {
        var clean = string.Concat((title ?? "").Select(c => char.IsControl(c) ? ' ' : c));
        return clean.Length > ListingRules.MaxTitleLength ? clean[..ListingRules.MaxTitleLength] : clean;
    }

    /// <summary>Rows without a status column are active (the report lists them); otherwise only "Active" is.</summary>
    private static ListingStatus StatusOf(string? status) =>
        string.IsNullOrEmpty(status) || status.Equals("Active", StringComparison.OrdinalIgnoreCase) ? ListingStatus.Active : ListingStatus.Inactive;

    private async Task<ItemReference?> ExactItemAsync(string sku, CancellationToken cancellationToken) =>
        await items.FindBySkuAsync(sku, cancellationToken) is { } item && item.Sku == sku ? item : null;
}
