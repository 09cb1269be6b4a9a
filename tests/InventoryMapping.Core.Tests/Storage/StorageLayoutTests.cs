using System.Globalization;
using Azure.Data.Tables;
using InventoryMapping.Channels;
using InventoryMapping.Listings.Storage;
using InventoryMapping.StockMarks;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Storage;

public sealed class StorageLayoutTests : IAsyncLifetime
{
    private TestServices _app = null!;

    public async Task InitializeAsync() => _app = await TestServices.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_empty_store_is_given_the_current_layout_and_the_next_start_accepts_it()
    {
        var row = await _app.Get<AppStorage>().Settings.GetEntityAsync<TableEntity>(StorageLayout.Partition, StorageLayout.Row);
        Assert.Equal(StorageLayout.Current, row.Value.GetInt32("Version"));

        await SeedDataAsync();
        await using var again = await TestServices.StartAsync(prefix: _app.Prefix);
        await again.Get<StorageLayout>().EnsureCurrentAsync(default);
    }

    [Fact]
    public async Task Data_without_a_layout_version_is_refused_with_what_to_do()
    {
        await SeedDataAsync();
        await _app.Get<AppStorage>().Settings.DeleteEntityAsync(StorageLayout.Partition, StorageLayout.Row);

        var refused = await Assert.ThrowsAsync<StorageLayoutException>(() => _app.Get<StorageLayout>().EnsureCurrentAsync(default));

        Assert.Null(refused.Found);
        Assert.Contains("layout 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains(".azurite", refused.Message, StringComparison.Ordinal);
        Assert.Contains("docs/architecture.md", refused.Message, StringComparison.Ordinal);
        Assert.False((await _app.Get<AppStorage>().Settings.GetEntityIfExistsAsync<TableEntity>(StorageLayout.Partition, StorageLayout.Row)).HasValue);
    }

    [Fact]
    public async Task Data_of_another_layout_version_is_refused_naming_both_versions()
    {
        await _app.Get<AppStorage>().Settings.UpsertEntityAsync(new TableEntity(StorageLayout.Partition, StorageLayout.Row) { ["Version"] = StorageLayout.Current + 1 });

        var refused = await Assert.ThrowsAsync<StorageLayoutException>(() => _app.Get<StorageLayout>().EnsureCurrentAsync(default));

        Assert.Equal(StorageLayout.Current + 1, refused.Found);
        Assert.Contains($"layout {StorageLayout.Current + 1}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"layout {StorageLayout.Current} only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_2_marks_move_to_their_listings_partitions_keeping_force_and_a_newer_mark_and_the_layout_becomes_3()
    {
        var storage = _app.Get<AppStorage>();
        var layout = await storage.Settings.GetEntityAsync<TableEntity>(StorageLayout.Partition, StorageLayout.Row);
        layout.Value["Version"] = 2;
        await storage.Settings.UpdateEntityAsync(layout.Value, layout.Value.ETag);
        await storage.Channels.AddEntityAsync(new TableEntity(ChannelEntity.Partition, "shop-uk"));
        var marked = DateTimeOffset.Parse("2026-12-01T10:00:00Z", CultureInfo.InvariantCulture);
        var listingIds = Enumerable.Range(0, 250).Select(i => TableKey.Encode($"SKU-{i}")).ToList();
        await storage.StockSyncPending.SubmitAllAsync(
            listingIds.Select((id, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("shop-uk", id) { ["MarkedAt"] = marked, ["Force"] = i % 2 == 0 })),
            4,
            default);
        // One listing already marked in its new partition (by an instance that migrated first): that newer mark stays.
        var newer = marked.AddMinutes(5);
        await storage.StockSyncPending.AddEntityAsync(new TableEntity(ListingPartition.PartitionKeyOf("shop-uk", listingIds[0]), listingIds[0]) { ["MarkedAt"] = newer });

        await _app.Get<StorageLayout>().EnsureCurrentAsync(default);

        Assert.Equal(3, (await storage.Settings.GetEntityAsync<TableEntity>(StorageLayout.Partition, StorageLayout.Row)).Value.GetInt32("Version"));
        Assert.Empty(await storage.StockSyncPending.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"shop-uk"}")).ToListAsync());
        var marks = (await _app.Get<PendingStockMarks>().ReadAsync("shop-uk", DateTimeOffset.MaxValue, 1_000, default)).ToDictionary(m => m.ListingId);
        Assert.Equal(listingIds.Order(StringComparer.Ordinal), marks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(newer, marks[listingIds[0]].MarkedAt);
        Assert.True(marks[listingIds[0]].Force);
        Assert.All(listingIds.Skip(1), (id, i) => Assert.Equal((i + 1) % 2 == 0, marks[id].Force));
        Assert.All(listingIds.Skip(1), id => Assert.Equal(marked, marks[id].MarkedAt));

        // A second instance starting on the migrated store finds layout 3 and does nothing.
        await using var again = await TestServices.StartAsync(prefix: _app.Prefix);
        await again.Get<StorageLayout>().EnsureCurrentAsync(default);
    }

    /// <summary>Any row of the app's data; an item SKU row, as a store from before layout versions had.</summary>
    private Task SeedDataAsync() => _app.Get<AppStorage>().ItemSkus.AddEntityAsync(new TableEntity("u00", "OLD-SKU") { ["ItemId"] = "0123456789abcdef" });
}
