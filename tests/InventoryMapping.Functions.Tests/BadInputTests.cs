using InventoryMapping.Functions.Channels;
using InventoryMapping.Functions.Inventory;
using InventoryMapping.Functions.Jobs;
using InventoryMapping.Functions.Listings;
using InventoryMapping.Functions.Tests.Support;

namespace InventoryMapping.Functions.Tests;

/// <summary>Each bad input gets a problem-details answer naming the field, and writes nothing.</summary>
public sealed class BadInputTests : ApiTest
{
    [Fact]
    public async Task Unknown_channel_is_404()
    {
        var response = await Api.SummaryAsync("nope");

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("nope", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_listing_is_404()
    {
        await Api.PutChannelAsync("shop");

        Assert.Equal(404, (await Api.GetListingAsync("shop", "NO-SUCH-SKU")).Status);
        Assert.Equal(404, (await Api.LinkAsync("shop", "NO-SUCH-SKU", new { itemSku = "x" })).Status);
        Assert.Equal(404, (await Api.GetListingAsync("shop", "~ZZ")).Status);
    }

    [Fact]
    public async Task Unknown_item_is_404_and_linking_to_it_changes_nothing()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "L1", title = "t" });

        Assert.Equal(404, (await Api.GetItemAsync("0123456789abcdef")).Status);
        Assert.Equal(404, (await Api.GetItemAsync("not-an-id")).Status);
        var link = await Api.LinkAsync("shop", "L1", new { itemId = "0123456789abcdef" });

        Assert.Equal(404, link.Status);
        Assert.False((await Api.GetListingAsync("shop", "L1")).Json.TryGetProperty("linkedItem", out _));
    }

    [Fact]
    public async Task Unknown_job_is_404()
    {
        Assert.Equal(404, (await Api.GetJobAsync("0123456789abcdef0123456789abcdef")).Status);
        Assert.Equal(404, (await Api.GetJobAsync("x")).Status);
        Assert.Equal(404, (await Api.StartLinkAllAsync("nope")).Status);
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"sku\": 5, \"title\": \"t\"}", "sku")]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"retailPrice\": \"ten\"}", "retailPrice")]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"colour\": \"red\"}", "colour")]
    [InlineData("{\"title\": \"t\"}", "sku")]
    [InlineData("{\"sku\": \"A\"}", "title")]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"retailPrice\": -1}", "retailPrice")]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"taxRate\": 101}", "taxRate")]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"stockLevels\": {\"default\": -3}}", "stockLevels.default")]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"stockLevels\": {\"nowhere\": 3}}", "stockLevels.nowhere")]
    [InlineData("{\"sku\": \"A\\u0007B\", \"title\": \"t\"}", "sku")]
    [InlineData("{\"sku\": \"A\\nB\", \"title\": \"t\"}", "sku")]
    public async Task Bad_item_bodies_are_400_naming_the_field_and_create_nothing(string body, string field)
    {
        var response = await Api.CallRawAsync<InventoryFunctions>((f, r) => f.Create(r, default), "POST", body);

        Assert.Equal(400, response.Status);
        Assert.Equal(field, response.ProblemField);
        Assert.Empty((await Api.SearchAsync("")).Json.GetProperty("items").EnumerateArray());
        Assert.Empty((await Api.SearchAsync("q=A")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Over_long_listing_sku_is_400_and_nothing_is_written()
    {
        await Api.PutChannelAsync("shop");

        var response = await Api.PutListingAsync("shop", new { sku = new string('x', 41), title = "t" });

        Assert.Equal(400, response.Status);
        Assert.Equal("sku", response.ProblemField);
        Assert.Equal(0, (await Api.SummaryAsync("shop")).Json.GetProperty("counts").GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    [InlineData("del\u007f")]
    public async Task Control_characters_in_a_listing_sku_are_400(string sku)
    {
        await Api.PutChannelAsync("shop");

        var response = await Api.PutListingAsync("shop", new { sku, title = "t" });

        Assert.Equal(400, response.Status);
        Assert.Equal("sku", response.ProblemField);
        Assert.Equal(0, (await Api.SummaryAsync("shop")).Json.GetProperty("counts").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Duplicate_item_sku_ignoring_case_is_409_naming_the_holder()
    {
        var first = await Api.CreateItemAsync(new { sku = "Case-Sku", title = "one" });

        var second = await Api.CreateItemAsync(new { sku = "CASE-SKU", title = "two" });

        Assert.Equal(409, second.Status);
        Assert.Equal("sku", second.ProblemField);
        Assert.Contains(first.Json.GetProperty("itemId").GetString()!, second.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await Api.SearchAsync("q=case-sku")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Negative_stock_level_is_400_and_keeps_the_old_level()
    {
        var item = await Api.CreateItemAsync(new { sku = "STK", title = "t", stockLevels = new Dictionary<string, int> { ["default"] = 4 } });
        var itemId = item.Json.GetProperty("itemId").GetString()!;

        var response = await Api.CallAsync<InventoryFunctions>((f, r) => f.PutStock(r, itemId, "default", default), "PUT", new { level = -1 });

        Assert.Equal(400, response.Status);
        Assert.Equal("level", response.ProblemField);
        Assert.Equal(4, (await Api.GetItemAsync(itemId)).Json.GetProperty("stockLevels").GetProperty("default").GetInt32());
    }

    [Theory]
    [InlineData("{\"accountName\": \"n\", \"region\": \"EU\", \"marketplaceIds\": [\"A1F83G8C2ARO7P\"]}", "accountId")]
    [InlineData("{\"accountId\": \"S\", \"accountName\": \"n\", \"region\": \"MARS\", \"marketplaceIds\": [\"A1F83G8C2ARO7P\"]}", "region")]
    [InlineData("{\"accountId\": \"S\", \"accountName\": \"n\", \"region\": \"EU\", \"marketplaceIds\": []}", "marketplaceIds")]
    [InlineData("{\"accountId\": \"S\", \"accountName\": \"n\", \"region\": \"EU\", \"marketplaceIds\": \"A1F83G8C2ARO7P\"}", "marketplaceIds")]
    [InlineData("{\"accountId\": \"S\", \"accountName\": \"n\", \"region\": \"EU\", \"marketplaceIds\": [\"A1F83G8C2ARO7P\"], \"locationId\": \"nowhere\"}", "locationId")]
    public async Task Bad_channel_bodies_are_400_naming_the_field_and_create_nothing(string body, string field)
    {
        var response = await Api.CallRawAsync<ChannelFunctions>((f, r) => f.Put(r, "shop", default), "PUT", body);

        Assert.Equal(400, response.Status);
        Assert.Equal(field, response.ProblemField);
        Assert.Equal(404, (await Api.SummaryAsync("shop")).Status);
    }

    [Fact]
    public async Task Bad_channel_id_is_400()
    {
        var response = await Api.PutChannelAsync("Not A Slug");

        Assert.Equal(400, response.Status);
        Assert.Equal("channelId", response.ProblemField);
    }

    [Theory]
    [InlineData("link=some", "link")]
    [InlineData("fba=maybe", "fba")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("continuationToken=garbage!", "continuationToken")]
    public async Task Bad_listing_query_parameters_are_400_naming_them(string query, string field)
    {
        await Api.PutChannelAsync("shop");

        var response = await Api.ListingsAsync("shop", query);

        Assert.Equal(400, response.Status);
        Assert.Equal(field, response.ProblemField);
    }

    [Fact]
    public async Task Link_without_exactly_one_target_is_400()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "L1", title = "t" });

        var neither = await Api.LinkAsync("shop", "L1", new { });
        var both = await Api.LinkAsync("shop", "L1", new { itemId = "0123456789abcdef", itemSku = "x" });

        Assert.Equal(400, neither.Status);
        Assert.Equal(400, both.Status);
        Assert.Equal("itemId", neither.ProblemField);
    }

    [Fact]
    public async Task Bad_job_options_are_400_and_start_no_job()
    {
        await Api.PutChannelAsync("shop");

        var response = await Api.StartLinkAllAsync("shop", "match=fuzzy");

        Assert.Equal(400, response.Status);
        Assert.Equal("match", response.ProblemField);
        var queue = App.Get<InventoryMapping.Storage.AppStorage>().JobQueue;
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Patch_with_wrong_type_is_400_and_keeps_the_flag()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "P1", title = "t" });

        var response = await Api.CallRawAsync<ListingFunctions>((f, r) => f.Patch(r, "shop", "P1", default), "PATCH", "{\"ignoreSync\": \"yes\"}");

        Assert.Equal(400, response.Status);
        Assert.Equal("ignoreSync", response.ProblemField);
        Assert.False((await Api.GetListingAsync("shop", "P1")).Json.GetProperty("ignoreSync").GetBoolean());
    }
}
