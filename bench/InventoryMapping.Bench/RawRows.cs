using System.Globalization;
using Azure.Data.Tables;
using InventoryMapping.Inventory;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Bench;

/// <summary>
/// Rows with the keys, properties and sizes of those the app writes, built without the app's code paths, so that
/// a raw baseline writes the same partition layout and the same bytes.
/// </summary>
public static class RawRows
{
    public static TableEntity Listing(string channelId, ListingInput input, DateTimeOffset now)
    {
        var listingId = TableKey.Encode(input.Sku!);
        return new TableEntity(ListingPartition.PartitionKeyOf(channelId, listingId), listingId)
        {
            ["Sku"] = input.Sku,
            ["Title"] = input.Title,
            ["Asin"] = input.Asin,
            ["Price"] = input.Price?.ToString(CultureInfo.InvariantCulture),
            ["Quantity"] = input.IsFba == true ? null : input.Quantity,
            ["IsFba"] = input.IsFba ?? false,
            ["IsListed"] = true,
            ["IsActive"] = input.Status != ListingStatus.Inactive,
            ["IgnoreSync"] = false,
            ["IsLinked"] = false,
            ["CreatedAt"] = now,
            ["UpdatedAt"] = now,
        };
    }

    /// <summary>The listing after Link All linked it to <paramref name="item"/>.</summary>
    public static TableEntity Linked(TableEntity listing, ItemReference item, string jobId, DateTimeOffset now) =>
        new(listing)
        {
            ["IsLinked"] = true,
            ["LinkedItemId"] = item.ItemId,
            ["LinkedItemSku"] = item.Sku,
            ["LinkedAt"] = now,
            ["LinkJobId"] = jobId,
            ["UpdatedAt"] = now,
        };

    public static TableEntity Counts(string partitionKey, long total) =>
        new(partitionKey, ListingPartition.CountsRowKey)
        {
            ["Version"] = 1L,
            ["Listed"] = total,
            ["Active"] = total,
            ["Linked"] = 0L,
            ["Fba"] = 0L,
            ["IgnoreSync"] = 0L,
            ["Retired"] = 0L,
        };

    public static TableEntity Item(string itemId, ItemDefinition definition, DateTimeOffset now) =>
        new(ItemIds.PartitionOf(itemId), itemId)
        {
            ["Sku"] = definition.Sku,
            ["Title"] = definition.Title,
            ["PurchasePrice"] = (definition.PurchasePrice ?? 0).ToString(CultureInfo.InvariantCulture),
            ["RetailPrice"] = (definition.RetailPrice ?? 0).ToString(CultureInfo.InvariantCulture),
            ["Description"] = definition.Description ?? "",
            ["Weight"] = (definition.Weight ?? 0).ToString(CultureInfo.InvariantCulture),
            ["TaxRate"] = (definition.TaxRate ?? -1).ToString(CultureInfo.InvariantCulture),
            ["StockLevels"] = System.Text.Json.JsonSerializer.Serialize((definition.StockLevels ?? new Dictionary<string, int>()).OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary()),
            ["CreatedAt"] = now,
            ["UpdatedAt"] = now,
        };

    /// <summary>The SKU reservation ("u" + bucket partition), uncommitted or committed.</summary>
    public static TableEntity Reservation(string itemId, string sku, bool committed)
    {
        var rowKey = TableKey.Encode(sku.ToUpperInvariant());
        return new TableEntity(Bucket("u", sku), rowKey) { ["ItemId"] = itemId, ["Committed"] = committed, ["Sku"] = sku };
    }

    /// <summary>The normalized-SKU lookup ("n" + bucket partition) of one item.</summary>
    public static TableEntity NormalizedSku(string itemId, string sku)
    {
        var rowKey = TableKey.Encode(sku.Trim().ToUpperInvariant());
        return new TableEntity(Bucket("n", sku), rowKey) { ["Committed"] = false, ["ItemIds"] = itemId };
    }

    /// <summary>The item's change-log row (UTC hour + item partition; ticks and item id).</summary>
    public static TableEntity Change(string itemId, ItemDefinition definition, DateTimeOffset now) =>
        new(now.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture) + ItemIds.PartitionOf(itemId), now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + itemId)
        {
            ["ItemId"] = itemId,
            ["Sku"] = definition.Sku,
            ["Title"] = definition.Title,
            ["Deleted"] = false,
            ["Ticks"] = now.UtcTicks,
        };

    private static string Bucket(string kind, string sku) =>
        kind + SkuBucket.Of(sku).ToString("x2", CultureInfo.InvariantCulture);
}
