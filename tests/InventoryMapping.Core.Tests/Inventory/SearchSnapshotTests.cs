using Azure.Storage.Blobs;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Inventory;

/// <summary>A fresh instance rebuilds its index from storage alone: the newest readable snapshot, then the change log.</summary>
public sealed class SearchSnapshotTests : IAsyncLifetime
{
    private TestServices _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestServices.StartAsync();
        await _app.Get<InventoryService>().CreateManyAsync(
            [new ItemDefinition("SNAP-1", "First"), new ItemDefinition("SNAP-2", "Second"), new ItemDefinition("SNAP-3", "Third")], default);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private BlobContainerClient Snapshots => _app.Get<AppStorage>().Container(ItemSearchSnapshots.Container);

    [Fact]
    public async Task The_first_search_without_a_snapshot_reads_the_items_and_writes_one()
    {
        Assert.Equal(3, (await SkusOnAFreshInstanceAsync("SNAP")).Count);

        Assert.Single(await NamesAsync());
    }

    [Fact]
    public async Task An_item_deleted_between_the_snapshot_and_the_change_log_is_not_found_and_one_created_after_it_is()
    {
        var deleted = (await _app.Get<IInventorySearch>().SearchAsync("SNAP-2", 1, null, default)).Value!.Items.Single();
        // Past the late-write allowance, so the fresh instance reads the change log from the snapshot on, not before.
        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await _app.Get<ItemSearchIndex>().WriteSnapshotAsync(default);

        Assert.True((await _app.Get<ItemDeletion>().DeleteAsync(deleted.ItemId, null, default)).IsSuccess);
        await _app.Get<InventoryService>().CreateAsync(new ItemDefinition("SNAP-4", "Fourth"), default);

        Assert.Equal(["SNAP-1", "SNAP-3", "SNAP-4"], await SkusOnAFreshInstanceAsync("SNAP"));
    }

    [Fact]
    public async Task A_snapshot_cut_off_by_a_crash_is_skipped_for_the_previous_one()
    {
        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await _app.Get<ItemSearchIndex>().WriteSnapshotAsync(default);
        var good = Assert.Single(await NamesAsync());
        var bytes = (await Snapshots.GetBlobClient(good).DownloadContentAsync()).Value.Content.ToArray();
        await Snapshots.GetBlobClient("snapshots/9999999999999999998.bin").UploadAsync(new BinaryData(bytes[..(bytes.Length / 2)]));
        await Snapshots.GetBlobClient("snapshots/9999999999999999999.bin").UploadAsync(new BinaryData("not a snapshot"u8.ToArray()));

        Assert.Equal(["SNAP-1", "SNAP-2", "SNAP-3"], await SkusOnAFreshInstanceAsync("SNAP"));
    }

    [Fact]
    public async Task With_no_readable_snapshot_the_index_is_rebuilt_from_the_items_table()
    {
        await Snapshots.GetBlobClient("snapshots/9999999999999999999.bin").UploadAsync(new BinaryData([0x1f, 0x8b, 8, 0, 0, 0]));

        Assert.Equal(["SNAP-1", "SNAP-2", "SNAP-3"], await SkusOnAFreshInstanceAsync("SNAP"));
    }

    [Fact]
    public async Task A_change_whose_log_write_a_crash_lost_is_in_search_after_the_rebuild_interval()
    {
        var item = (await _app.Get<IInventorySearch>().SearchAsync("SNAP-3", 1, null, default)).Value!.Items.Single();
        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await _app.Get<ItemSearchIndex>().WriteSnapshotAsync(default);

        // The item renamed in its table row with no change-log row: a crash between the two writes.
        var items = _app.Get<AppStorage>().Items;
        var row = (await items.GetEntityAsync<Azure.Data.Tables.TableEntity>(item.ItemId[..2], item.ItemId)).Value;
        row["Sku"] = "SNAP-3-RENAMED";
        await items.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await _app.Get<ItemSearchIndex>().WriteSnapshotAsync(default);
        Assert.Equal(["SNAP-1", "SNAP-2", "SNAP-3"], await SkusOnAFreshInstanceAsync("SNAP"));

        _app.Clock.Advance(new ItemSearchOptions().RebuildInterval);
        await _app.Get<ItemSearchIndex>().WriteSnapshotAsync(default);

        Assert.Equal(["SNAP-1", "SNAP-2", "SNAP-3-RENAMED"], await SkusAsync(_app, "SNAP"));
        Assert.Equal(["SNAP-1", "SNAP-2", "SNAP-3-RENAMED"], await SkusOnAFreshInstanceAsync("SNAP"));
    }

    private static async Task<List<string>> SkusAsync(TestServices app, string query) =>
        (await app.Get<IInventorySearch>().SearchAsync(query, 20, null, default)).Value!.Items.Select(h => h.Sku).ToList();

    private async Task<List<string>> SkusOnAFreshInstanceAsync(string query)
    {
        await using var fresh = await TestServices.StartAsync(prefix: _app.Prefix, clock: _app.Clock);
        return await SkusAsync(fresh, query);
    }

    private async Task<List<string>> NamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in Snapshots.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "snapshots/", default))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
