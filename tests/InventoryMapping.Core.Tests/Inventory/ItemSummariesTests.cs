using Azure.Data.Tables;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Inventory;

/// <summary>
/// Items' SKUs and titles by id, as the export shows them beside their listings: from the search index (what it
/// loaded and every change since), an item it holds nothing of from storage, and never staler than
/// <see cref="ItemSummaries.MaxAge"/> behind the change log.
/// </summary>
public sealed class ItemSummariesTests : IAsyncLifetime
{
    private TestServices _app = null!;
    private IReadOnlyList<string> _ids = [];

    public async Task InitializeAsync()
    {
        _app = await TestServices.StartAsync();
        var created = await _app.Get<InventoryService>().CreateManyAsync(
            [new ItemDefinition("SUM-1", "First"), new ItemDefinition("=sum;2", "Zweite, \"Größe\""), new ItemDefinition("SUM-3", "Third")], default);
        _ids = [.. created.Value!.Select(c => c.Item.ItemId)];
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Items_loaded_with_the_index_and_changed_after_it_are_answered_as_they_are_now()
    {
        Assert.Equal(["SUM-1", "=sum;2", "SUM-3"], (await GetAsync(_app, _ids)).Select(i => i.Sku));

        var writes = _app.Get<InventoryService>();
        Assert.True((await writes.ReplaceAsync(_ids[0], new ItemDefinition("SUM-1-RENAMED", "Renamed"), null, default)).IsSuccess);
        Assert.True((await _app.Get<ItemDeletion>().DeleteAsync(_ids[2], null, default)).IsSuccess);
        var added = (await writes.CreateAsync(new ItemDefinition("SUM-4", "Fourth"), default)).Value!;

        var now = await GetAsync(_app, [.. _ids, added.ItemId, "0123456789abcdef", "not-an-id"]);

        Assert.Equal(
            [(_ids[0], "SUM-1-RENAMED", "Renamed"), (_ids[1], "=sum;2", "Zweite, \"Größe\""), (added.ItemId, "SUM-4", "Fourth")],
            now.Select(i => (i.ItemId, i.Sku, i.Title)));
    }

    [Fact]
    public async Task An_item_the_index_holds_nothing_of_is_read_from_storage()
    {
        await GetAsync(_app, _ids);

        // An item row with no change-log row: its creation's log write lost to a crash.
        var lost = ItemIds.New();
        await _app.Get<AppStorage>().Items.AddEntityAsync(new TableEntity(ItemIds.PartitionOf(lost), lost) { ["Sku"] = "LOST-1", ["Title"] = "Lost" });

        Assert.Equal(("LOST-1", "Lost"), (await GetAsync(_app, [lost])).Select(i => (i.Sku, i.Title)).Single());
    }

    [Fact]
    public async Task A_change_made_on_another_instance_is_in_once_max_age_has_passed_even_without_a_poll()
    {
        // An instance that would poll the change log only hourly: only the lookup's own read can bring the change in.
        var hourly = new Dictionary<string, string?> { [$"{ItemSearchOptions.Section}:{nameof(ItemSearchOptions.PollInterval)}"] = "01:00:00" };
        await using var reader = await TestServices.StartAsync(prefix: _app.Prefix, settings: hourly);
        Assert.Equal("=sum;2", (await GetAsync(reader, [_ids[1]])).Single().Sku);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await _app.Get<InventoryService>().ReplaceAsync(_ids[1], new ItemDefinition("ELSEWHERE", "Other instance"), null, default)).IsSuccess);
        Assert.Equal("=sum;2", (await GetAsync(reader, [_ids[1]])).Single().Sku);

        reader.Clock.Advance(ItemSummaries.MaxAge + TimeSpan.FromSeconds(1));

        Assert.Equal("ELSEWHERE", (await GetAsync(reader, [_ids[1]])).Single().Sku);
    }

    private static async Task<List<ItemSummary>> GetAsync(TestServices app, IReadOnlyList<string> ids)
    {
        var found = await app.Get<ItemSummaries>().GetAsync(ids, default);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }
}
