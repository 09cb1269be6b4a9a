using Azure.Data.Tables;
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

    /// <summary>Any row of the app's data; an item SKU row, as a store from before layout versions had.</summary>
    private Task SeedDataAsync() => _app.Get<AppStorage>().ItemSkus.AddEntityAsync(new TableEntity("u00", "OLD-SKU") { ["ItemId"] = "0123456789abcdef" });
}
