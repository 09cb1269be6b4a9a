using InventoryMapping.Inventory;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Inventory;

/// <summary>
/// Two instances (service providers) over one Azurite: the writer's own searches see a change at once; the other
/// instance sees it after one poll interval of its clock (its next read of the change log).
/// </summary>
public sealed class SearchFreshnessTests : IAsyncLifetime
{
    private static readonly TimeSpan s_realDeadline = TimeSpan.FromSeconds(30);
    private TestServices _writer = null!;
    private TestServices _other = null!;

    public async Task InitializeAsync()
    {
        _writer = await TestServices.StartAsync();
        _other = await TestServices.StartAsync(prefix: _writer.Prefix, clock: _writer.Clock);
        await _writer.Get<InventoryService>().CreateManyAsync([new ItemDefinition("SEED-1", "Seed item")], default);

        // Both load their index now (the first search), so what follows arrives as changes.
        Assert.Single(await HitsAsync(_writer, "SEED"));
        Assert.Single(await HitsAsync(_other, "SEED"));
    }

    public async Task DisposeAsync()
    {
        await _other.DisposeAsync();
        await _writer.DisposeAsync();
    }

    private static TimeSpan PollInterval => new ItemSearchOptions().PollInterval;

    [Fact]
    public async Task Create_rename_and_delete_are_seen_at_once_by_the_writer_and_after_one_poll_interval_by_another_instance()
    {
        var items = _writer.Get<InventoryService>();
        var created = (await items.CreateAsync(new ItemDefinition("FRESH-1", "Kettle"), default)).Value!;
        Assert.Equal(created.ItemId, Assert.Single(await HitsAsync(_writer, "FRESH-1")).ItemId);
        await AfterOnePollAsync(async () => (await HitsAsync(_other, "FRESH-1")).Count == 1, "the other instance finds the new item");

        Assert.True((await items.ReplaceAsync(created.ItemId, new ItemDefinition("RENAMED-1", "Teapot"), null, default)).IsSuccess);
        Assert.Empty(await HitsAsync(_writer, "FRESH-1"));
        Assert.Equal(SearchMatch.Title, Assert.Single(await HitsAsync(_writer, "teapot")).Match);
        await AfterOnePollAsync(
            async () => (await HitsAsync(_other, "FRESH-1")).Count == 0 && (await HitsAsync(_other, "RENAMED")).Count == 1,
            "the other instance finds the item by its new SKU only");

        Assert.True((await _writer.Get<ItemDeletion>().DeleteAsync(created.ItemId, null, default)).IsSuccess);
        Assert.Empty(await HitsAsync(_writer, "RENAMED"));
        await AfterOnePollAsync(async () => (await HitsAsync(_other, "RENAMED")).Count == 0, "the other instance no longer finds the deleted item");
    }

    [Fact]
    public async Task A_change_made_on_the_other_instance_reaches_the_first()
    {
        await _other.Get<InventoryService>().CreateAsync(new ItemDefinition("FROM-OTHER", "Lamp"), default);

        await AfterOnePollAsync(async () => (await HitsAsync(_writer, "FROM-OTHER")).Count == 1, "the first instance finds the item");
    }

    private static async Task<IReadOnlyList<InventorySearchHit>> HitsAsync(TestServices app, string query) =>
        (await app.Get<IInventorySearch>().SearchAsync(query, 20, null, default)).Value!.Items;

    /// <summary>Advances the shared clock by one poll interval, then waits (real time, with a deadline) for the poll's read to land.</summary>
    private async Task AfterOnePollAsync(Func<Task<bool>> condition, string because)
    {
        _writer.Clock.Advance(PollInterval);
        var deadline = DateTime.UtcNow + s_realDeadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {because}.");
            await Task.Delay(20);
        }
    }
}
