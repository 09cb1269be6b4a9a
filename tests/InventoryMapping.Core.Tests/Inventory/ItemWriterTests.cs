using Azure.Data.Tables;
using InventoryMapping.Inventory;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Inventory;

public sealed class ItemWriterTests
{
    [Fact]
    public async Task New_items_write_their_normalized_sku_rows_in_transactions_and_join_an_existing_row_alone()
    {
        var requests = new StorageRequestLog();
        await using var app = await TestServices.StartAsync(requests.AddTo);
        var inventory = app.Get<InventoryService>();
        var existing = (await inventory.CreateManyAsync([new ItemDefinition("nk-old", "t")], default)).Value![0].Item;
        var skus = Enumerable.Range(0, 300).Select(i => $"nk-{i:D3}").Append("nk-000 ").Append(" NK-OLD").ToList();

        requests.Clear();
        var created = (await inventory.CreateManyAsync(skus.Select(s => new ItemDefinition(s, "t")).ToList(), default)).Value!;

        Assert.All(created, c => Assert.True(c.Created));
        var idOf = created.ToDictionary(c => c.Item.Sku, c => c.Item.ItemId);

        // Only the transaction that met the existing row went one row at a time (a read and a write each): the rows
        // of NK-OLD's partition. Every other row went 100 to a transaction.
        var oldPartition = ItemSkuKeys.NormalizedRow("NK-OLD").PartitionKey;
        var alone = skus.Select(ItemSkuKeys.NormalizedRow).Distinct().Count(r => r.PartitionKey == oldPartition);
        Assert.Equal(alone, requests.PointReads("ItemSkus"));
        Assert.Equal(alone, requests.Writes("ItemSkus"));
        Assert.Equal(Sorted(idOf["nk-000"], idOf["nk-000 "]), await NormalizedIdsAsync(app, "NK-000"));
        Assert.Equal(Sorted(existing.ItemId, idOf[" NK-OLD"]), await NormalizedIdsAsync(app, "NK-OLD"));
    }

    private static string[] Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    private static async Task<string[]> NormalizedIdsAsync(TestServices app, string sku)
    {
        var (partition, row) = ItemSkuKeys.NormalizedRow(sku);
        var entity = await app.Get<AppStorage>().ItemSkus.GetEntityAsync<TableEntity>(partition, row);
        return [.. entity.Value.GetString("ItemIds").Split(',').Order(StringComparer.Ordinal)];
    }
}
