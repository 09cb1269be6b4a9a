using Azure;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Listings;

public sealed class ListingWriterTests
{
    [Fact]
    public async Task A_write_that_moves_no_count_is_one_transaction_without_the_count_row_or_the_channel_counts()
    {
        var requests = new StorageRequestLog();
        await using var app = await TestServices.StartAsync(requests.AddTo);
        await ShopSeed.SeedAsync(app, ["W-1"], []);
        var partitionKey = ListingPartition.PartitionKeyOfSku("shop", "W-1");
        var countsBefore = await app.Get<ListingStore>().GetCountsAsync(partitionKey, default);

        requests.Clear();
        var put = await app.Get<ListingService>().PutAsync("shop", new ListingInput("W-1", "a new title", Price: 12.5m), default);

        Assert.True(put.IsSuccess);
        Assert.Equal("a new title", put.Value.Listing.Title);
        Assert.Equal(1, requests.Transactions());
        Assert.Equal(0, requests.Writes("Channels")); // no mark, no publication
        var countsAfter = await app.Get<ListingStore>().GetCountsAsync(partitionKey, default);
        Assert.Equal(countsBefore.ETag, countsAfter.ETag);
    }

    [Fact]
    public async Task Listings_seen_again_are_read_first_and_write_neither_count_rows_nor_the_channel_counts()
    {
        var requests = new StorageRequestLog();
        await using var app = await TestServices.StartAsync(requests.AddTo);
        var inputs = Enumerable.Range(0, 300).Select(i => new ListingInput($"N-{i:D3}", "t")).ToList();
        await ShopSeed.SeedAsync(app, [], []);
        var writer = app.Get<ListingBatchWriter>();
        await writer.UpsertAsync("shop", inputs, "report-1", default);
        requests.Clear();
        await writer.UpsertAsync("shop", inputs, "report-2", default); // taken as new first: each partition learns they are stored
        Assert.True(requests.Writes("Channels") > 0);

        requests.Clear();
        var again = await writer.UpsertAsync("shop", inputs, "report-3", default);

        Assert.Equal((0, 0, 300), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(0, requests.Writes("Channels"));
        Assert.Equal(0, requests.PointReads("Channels"));
        var partitions = inputs.Select(i => ListingPartition.PartitionKeyOfSku("shop", i.Sku!)).Distinct().Count();
        Assert.Equal(partitions, requests.Queries("Listings") + requests.PointReads("Listings")); // a partition's listings in one read, no count row
        Assert.Equal(partitions, requests.Transactions()); // one per partition (~5 listings each), without its count row
    }

    [Fact]
    public async Task A_first_report_in_batches_takes_its_listings_as_new_and_reads_none()
    {
        var requests = new StorageRequestLog();
        await using var app = await TestServices.StartAsync(requests.AddTo);
        await ShopSeed.SeedAsync(app, [], []);
        var writer = app.Get<ListingBatchWriter>();

        requests.Clear();
        foreach (var batch in Enumerable.Range(0, 600).Select(i => new ListingInput($"F-{i:D3}", "t")).Chunk(200))
        {
            Assert.Equal(batch.Length, (await writer.UpsertAsync("shop", batch, "report-1", default)).Created);
        }

        // Only count rows, each partition's once (its first write); reading the listings would be 400 more.
        Assert.InRange(requests.PointReads("Listings"), 1, ListingPartition.Count);
    }

    [Fact]
    public async Task A_write_that_moves_no_count_still_fails_on_a_listing_someone_else_changed()
    {
        await using var app = await TestServices.StartAsync();
        await ShopSeed.SeedAsync(app, ["W-2"], []);
        var listingId = ListingIds.FromSku("W-2");
        var stale = (await app.Get<ListingStore>().GetEntityAsync("shop", listingId, default))!;
        await app.Get<ListingService>().PutAsync("shop", new ListingInput("W-2", "theirs"), default);

        var mine = stale.Clone();
        mine.Title = "mine";
        var changed = await Assert.ThrowsAsync<ListingChangedException>(() =>
            app.Get<ListingWriter>().CommitAsync(stale.PartitionKey, [new ListingChange(stale, mine)], default));

        Assert.Equal(listingId, changed.ListingId);
        Assert.Equal("theirs", (await app.Get<ListingStore>().GetEntityAsync("shop", listingId, default))!.Title);
    }

    [Fact]
    public async Task A_partition_write_decides_again_on_the_current_rows_when_a_listing_changed_since_it_was_read()
    {
        await using var app = await TestServices.StartAsync();
        var skus = Enumerable.Range(0, 400).Select(i => $"P-{i:D3}").ToList();
        await ShopSeed.SeedAsync(app, skus, []);
        var partitionKey = ListingPartition.PartitionKeyOfSku("shop", skus[0]);
        var read = (await app.Get<ListingStore>().ReadPartitionPageAsync("shop", ListingPartition.OfSku(skus[0]), "IsActive eq true", null, 1000, default)).Values.ToList();
        var raced = read[^1];
        await app.Get<ListingService>().PutAsync("shop", new ListingInput(raced.Sku, "edited meanwhile"), default);
        var decisions = 0;

        var write = await app.Get<ListingWriter>().WritePartitionAsync(partitionKey, [.. read.Select(l => l.RowKey)], read, (_, current) =>
        {
            Interlocked.Increment(ref decisions);
            return current!.IsLinked ? null : current.LinkTo(new ItemReference("item-1", current.Sku), app.Clock.GetUtcNow(), jobId: null);
        }, default);

        Assert.Equal(read.Count, write.Written.Count);
        Assert.Empty(write.Refused);
        Assert.Equal(2 * read.Count, decisions); // every listing once as read, and once more on its current row
        var after = (await app.Get<ListingStore>().GetEntityAsync("shop", raced.RowKey, default))!;
        Assert.True(after.IsLinked);
        Assert.Equal("edited meanwhile", after.Title);
        var summary = (await app.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts;
        Assert.Equal((400L, read.Count), (summary.Active, summary.Linked));
    }

    [Fact]
    public async Task A_partition_write_that_keeps_conflicting_gives_up_after_its_limit_and_the_counts_stay_exact()
    {
        await using var app = await TestServices.StartAsync();
        await ShopSeed.SeedAsync(app, ["K-1"], []);
        var storage = app.Get<AppStorage>();
        var listing = (await app.Get<ListingStore>().GetEntityAsync("shop", ListingIds.FromSku("K-1"), default))!;
        var decisions = 0;

        var spent = await Assert.ThrowsAsync<ConflictRetriesExhaustedException>(() => app.Get<ListingWriter>().WritePartitionAsync(
            listing.PartitionKey,
            [listing.RowKey],
            [listing],
            async (_, current, ct) =>
            {
                decisions++;
                // Someone else changes the listing after every read: the decision is always stale.
                var theirs = current!.Clone();
                theirs.Title = $"theirs {decisions}";
                await storage.Listings.UpdateEntityAsync(theirs, ETag.All, Azure.Data.Tables.TableUpdateMode.Replace, ct);
                return current.LinkTo(new ItemReference("item-1", current.Sku), app.Clock.GetUtcNow(), jobId: null);
            },
            default));

        Assert.Same(ConflictLimit.ListingPartition, spent.Limit);
        Assert.Equal(ConflictLimit.ListingPartition.MaxRetries + 1, decisions);
        Assert.IsType<ListingChangedException>(spent.InnerException);
        var summary = (await app.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts;
        Assert.Equal((1L, 0L, 1L), (summary.Active, summary.Linked, summary.Unlinked));
    }
}
