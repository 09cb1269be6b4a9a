using InventoryMapping.Functions.Health;
using InventoryMapping.Functions.Http;
using InventoryMapping.Functions.Inventory;
using InventoryMapping.Functions.Jobs;
using InventoryMapping.Functions.Listings;
using InventoryMapping.Functions.Locations;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Storage;

namespace InventoryMapping.Functions.Tests;

/// <summary>Issue 10: nothing happens by accident, one meaning per answer, limits that hold.</summary>
public sealed class ApiContractTests : ApiTest
{
    [Fact]
    public async Task An_unknown_query_parameter_is_400_naming_it_and_starts_nothing()
    {
        await Api.PutChannelAsync("shop");

        var response = await Api.StartLinkAllAsync("shop", "dry_run=true");

        Assert.Equal(400, response.Status);
        Assert.Equal("dry_run", response.ProblemField);
        Assert.Equal(0, (await App.Get<AppStorage>().JobQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task An_operation_that_takes_no_body_refuses_one_and_starts_nothing()
    {
        await Api.PutChannelAsync("shop");

        var response = await Api.CallAsync<JobFunctions>((f, r) => f.LinkAll(r, "shop", default), "POST", new { dryRun = true });

        Assert.Equal(400, response.Status);
        Assert.Equal("body", response.ProblemField);
        Assert.Equal(0, (await App.Get<AppStorage>().JobQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task The_function_key_parameter_is_not_an_unknown_parameter()
    {
        await Api.PutChannelAsync("shop");

        Assert.Equal(200, (await Api.ListingsAsync("shop", "code=the-key&pageSize=5")).Status);
    }

    [Fact]
    public async Task Create_item_on_a_linked_listing_is_409_naming_the_linked_item_and_keeps_the_link()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "L1", title = "t" });
        var itemId = (await Api.CreateItemAsync(new { sku = "MINE", title = "t" })).Json.GetProperty("itemId").GetString()!;
        await Api.LinkAsync("shop", "L1", new { itemId });

        var response = await Api.CreateItemFromListingAsync("shop", "L1");

        Assert.Equal(409, response.Status);
        Assert.Equal("linkedItem", response.ProblemField);
        Assert.Contains(itemId, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(itemId, (await Api.GetListingAsync("shop", "L1")).Json.GetProperty("linkedItem").GetProperty("itemId").GetString());
    }

    [Fact]
    public async Task Every_answer_with_an_eTag_sends_it_as_the_ETag_header()
    {
        var channel = await Api.PutChannelAsync("shop");
        var listing = await Api.PutListingAsync("shop", new { sku = "L1", title = "t" });
        var item = await Api.CreateItemAsync(new { sku = "A", title = "t" });
        var read = await Api.GetItemAsync(item.Json.GetProperty("itemId").GetString()!);

        foreach (var response in new[] { channel, listing, item, read, await Api.GetListingAsync("shop", "L1") })
        {
            Assert.Equal(response.Json.GetProperty("eTag").GetString(), response.Headers["ETag"]);
        }
    }

    [Fact]
    public async Task Json_is_written_readable_without_needless_escapes()
    {
        var response = await Api.CreateItemAsync(new { sku = "CRÈME-1", title = "Crème brûlée + 'x' \"y\"" });

        Assert.Contains("Crème brûlée + 'x' \\\"y\\\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("CRÈME-1", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_precondition_failure_has_the_same_text()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "L1", title = "t" });
        var itemId = (await Api.CreateItemAsync(new { sku = "A", title = "t" })).Json.GetProperty("itemId").GetString()!;
        const string stale = "W/\"datetime'2000-01-01T00%3A00%3A00Z'\"";

        var item = await Api.CallAsync<InventoryFunctions>((f, r) => f.Put(r, itemId, default), "PUT", new { sku = "A", title = "new" }, ifMatch: stale);
        var listing = await Api.CallAsync<ListingFunctions>((f, r) => f.Patch(r, "shop", "L1", default), "PATCH", new { ignoreSync = true }, ifMatch: stale);
        var channel = await Api.CallAsync<InventoryMapping.Functions.Channels.ChannelFunctions>(
            (f, r) => f.Put(r, "shop", default), "PUT", new { accountId = "S", accountName = "n", region = "EU", marketplaceIds = new[] { "A1F83G8C2ARO7P" } }, ifMatch: stale);

        Assert.All(new[] { item, listing, channel }, r => Assert.Equal((412, Problems.PreconditionFailedDetail), (r.Status, r.Json.GetProperty("detail").GetString())));
    }

    [Fact]
    public async Task Locations_are_listed_with_the_built_in_default()
    {
        await Api.PutLocationAsync("warehouse", new { name = "Warehouse" });

        var response = await Api.CallAsync<LocationFunctions>((f, r) => f.List(r, default), "GET");

        Assert.Equal(200, response.Status);
        Assert.Equal(["default", "warehouse"], response.Json.EnumerateArray().Select(l => l.GetProperty("locationId").GetString()));
    }

    [Fact]
    public async Task An_item_sku_has_the_amazon_limit_of_40_characters_so_its_table_keys_stay_under_1_KiB()
    {
        var tooLong = await Api.CreateItemAsync(new { sku = new string('A', 41), title = "t" });
        var emoji = await Api.CreateItemAsync(new { sku = string.Concat(Enumerable.Repeat("😀", 40)), title = "t" });
        var euros = await Api.CreateItemAsync(new { sku = string.Concat(Enumerable.Repeat("€", 100)), title = "t" });

        Assert.Equal(("sku", 400), (tooLong.ProblemField, tooLong.Status));
        Assert.Equal(201, emoji.Status);
        Assert.Equal(("sku", 400), (euros.ProblemField, euros.Status));
    }

    [Theory]
    [InlineData("asin", 200_000)]
    [InlineData("amazon.status", 300_000)]
    public async Task An_overlong_listing_field_is_400_naming_it_not_a_storage_failure(string field, int length)
    {
        await Api.PutChannelAsync("shop");
        var text = new string('X', length);
        object body = field == "asin"
            ? new { sku = "L1", title = "t", asin = text }
            : new { sku = "L1", title = "t", amazon = new { status = text } };

        var response = await Api.PutListingAsync("shop", body);

        Assert.Equal((field, 400), (response.ProblemField, response.Status));
    }

    [Fact]
    public async Task The_health_endpoint_says_storage_is_reachable_and_the_version()
    {
        var response = await Api.CallAsync<HealthFunctions>((f, r) => f.Get(r, default), "GET");

        Assert.Equal(200, response.Status);
        Assert.Equal("healthy", response.Json.GetProperty("status").GetString());
        Assert.Equal("reachable", response.Json.GetProperty("storage").GetString());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("version").GetString()));
    }
}
