using Azure.Data.Tables;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>The app in the local host, as it starts in Azure: on data of an older storage layout it does not start.</summary>
public sealed class StorageLayoutEndToEndTests
{
    [Fact]
    public async Task The_app_refuses_to_start_on_data_without_the_current_layout_and_says_what_to_do()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestNames.UniquePrefix();
        var tables = new TableServiceClient(azurite.ConnectionString);
        foreach (var name in new[] { "Settings", "Channels", "Listings", "Items", "ItemSkus" })
        {
            await tables.GetTableClient(prefix + name).CreateIfNotExistsAsync();
        }

        // A channel as a version from before layout versions wrote it: data, and no layout row. The tables exist, as in
        // Azure (infra/ creates them), so the app's start-up check is what refuses.
        await tables.GetTableClient(prefix + "Channels").AddEntityAsync(new TableEntity("channel", "demo") { ["AccountId"] = "A1OLD" });

        var refused = await Assert.ThrowsAsync<StorageLayoutException>(
            () => AppOverHttp.StartAsync(createStorage: false, settings: new Dictionary<string, string?> { ["Storage:NamePrefix"] = prefix }));

        Assert.Contains("refuses to start", refused.Message, StringComparison.Ordinal);
        Assert.Contains(".azurite", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_starts_on_an_empty_store()
    {
        await using var app = await AppOverHttp.StartAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Http.GetAsync("/api/channels")).StatusCode);
    }
}
