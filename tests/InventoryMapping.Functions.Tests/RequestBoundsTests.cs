using InventoryMapping.Functions.Channels;
using InventoryMapping.Functions.Http;
using InventoryMapping.Functions.Inventory;
using InventoryMapping.Functions.Listings;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Testing;
using Microsoft.AspNetCore.Http;

namespace InventoryMapping.Functions.Tests;

/// <summary>Issue 14: strict types, one text rule each for identifiers and free text, If-Match: *, tokens that belong.</summary>
public sealed class RequestBoundsTests : ApiTest
{
    [Theory]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"purchasePrice\": \"5\"}", "purchasePrice")]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"stockLevels\": {\"default\": \"5\"}}", "stockLevels.default")]
    [InlineData("{\"sku\": \"A\", \"title\": \"t\", \"weight\": true}", "weight")]
    [InlineData("{\"sku\": 5, \"title\": \"t\"}", "sku")]
    public async Task A_number_sent_as_a_string_or_any_wrong_type_is_400_naming_the_field_without_dotnet_type_names(string body, string field)
    {
        var response = await Api.CallRawAsync<InventoryFunctions>((f, r) => f.Create(r, default), "POST", body);

        Assert.Equal(400, response.Status);
        Assert.Equal(field, response.ProblemField);
        Assert.DoesNotContain("System.", response.Body, StringComparison.Ordinal);
        Assert.Equal(field, Assert.Single(response.Json.GetProperty("errors").EnumerateObject()).Name);
    }

    [Fact]
    public async Task A_stock_level_or_a_listing_price_sent_as_a_string_is_400()
    {
        await Api.PutChannelAsync("shop");
        var itemId = (await Api.CreateItemAsync(new { sku = "A", title = "t" })).Json.GetProperty("itemId").GetString()!;

        var level = await Api.CallRawAsync<InventoryFunctions>((f, r) => f.PutStock(r, itemId, "default", default), "PUT", "{\"level\": \"5\"}");
        var price = await Api.CallRawAsync<ListingFunctions>((f, r) => f.Put(r, "shop", default), "POST", "{\"sku\": \"L\", \"title\": \"t\", \"price\": \"1\"}");

        Assert.Equal(("level", 400), (level.ProblemField, level.Status));
        Assert.Equal(("price", 400), (price.ProblemField, price.Status));
    }

    [Fact]
    public async Task An_unknown_field_is_named_in_plain_words()
    {
        var response = await Api.CallRawAsync<InventoryFunctions>((f, r) => f.Create(r, default), "POST", "{\"sku\": \"A\", \"title\": \"t\", \"foo\": 1}");

        Assert.Equal(400, response.Status);
        Assert.Equal("foo", response.ProblemField);
        Assert.Equal("Unknown field 'foo'.", response.Json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData(" eu")]
    [InlineData("eu")]
    [InlineData("Eu")]
    public async Task A_region_is_one_of_its_documented_names_exactly(string region)
    {
        var response = await Api.PutChannelAsync("shop", new { accountId = "S", accountName = "n", region, marketplaceIds = new[] { "A1F83G8C2ARO7P" } });

        Assert.Equal(400, response.Status);
        Assert.Equal("region", response.ProblemField);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u200b")]
    [InlineData("A\uFFFF")]
    [InlineData("\u202EA")]
    [InlineData("\uFEFFA")]
    [InlineData("A\u0007")]
    public async Task An_item_sku_is_an_identifier_visible_and_unambiguous(string sku)
    {
        var response = await Api.CreateItemAsync(new { sku, title = "t" });

        Assert.Equal(400, response.Status);
        Assert.Equal("sku", response.ProblemField);
    }

    [Fact]
    public async Task A_description_is_free_text_with_lines_and_tabs_but_no_other_control_characters()
    {
        var control = await Api.CreateItemAsync(new { sku = "A", title = "t", description = "bell\u0007" });
        var lines = await Api.CreateItemAsync(new { sku = "B", title = "t", description = "line 1\nline\t2\r\n" });
        var titleWithBreak = await Api.CreateItemAsync(new { sku = "C", title = "two\nlines" });

        Assert.Equal(("description", 400), (control.ProblemField, control.Status));
        Assert.Equal(201, lines.Status);
        Assert.Equal(("title", 400), (titleWithBreak.ProblemField, titleWithBreak.Status));
    }

    [Fact]
    public async Task If_Match_star_means_any_current_version()
    {
        await Api.PutChannelAsync("shop");
        var itemId = (await Api.CreateItemAsync(new { sku = "A", title = "t" })).Json.GetProperty("itemId").GetString()!;
        await Api.PutListingAsync("shop", new { sku = "L", title = "t" });

        var item = await Api.CallAsync<InventoryFunctions>((f, r) => f.Put(r, itemId, default), "PUT", new { sku = "A", title = "new" }, ifMatch: "*");
        var link = await Api.LinkAsync("shop", "L", new { itemId }, ifMatch: "*");
        var channel = await Api.CallAsync<ChannelFunctions>(
            (f, r) => f.Put(r, "shop", default), "PUT", new { accountId = "S", accountName = "n", region = "EU", marketplaceIds = new[] { "A1F83G8C2ARO7P" } }, ifMatch: "*");
        var missing = await Api.CallAsync<ChannelFunctions>(
            (f, r) => f.Put(r, "other", default), "PUT", new { accountId = "S", accountName = "n", region = "EU", marketplaceIds = new[] { "A1F83G8C2ARO7P" } }, ifMatch: "*");

        Assert.Equal(200, item.Status);
        Assert.Equal(200, link.Status);
        Assert.Equal(200, channel.Status);
        Assert.Equal(412, missing.Status);
        Assert.Equal(404, (await Api.SummaryAsync("other")).Status);
    }

    [Fact]
    public async Task A_garbage_If_Match_is_400_naming_it_and_deletes_nothing()
    {
        var itemId = (await Api.CreateItemAsync(new { sku = "A", title = "t" })).Json.GetProperty("itemId").GetString()!;

        var response = await Api.DeleteItemAsync(itemId, ifMatch: "garbage");

        Assert.Equal(400, response.Status);
        Assert.Equal("If-Match", response.ProblemField);
        Assert.Equal(200, (await Api.GetItemAsync(itemId)).Status);
    }

    [Fact]
    public async Task A_listings_token_continues_only_its_own_channel_and_filters_and_only_unmodified()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutChannelAsync("other");
        foreach (var sku in new[] { "A", "B", "C" })
        {
            await Api.PutListingAsync("shop", new { sku, title = sku });
            await Api.PutListingAsync("other", new { sku, title = sku });
        }

        var token = (await Api.ListingsAsync("shop", "pageSize=1")).Json.GetProperty("continuationToken").GetString()!;
        var modified = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.Equal(200, (await Api.ListingsAsync("shop", "pageSize=1&continuationToken=" + token)).Status);
        foreach (var (channel, query) in new[] { ("other", "pageSize=1&continuationToken=" + token), ("shop", "link=linked&pageSize=1&continuationToken=" + token), ("shop", "pageSize=1&continuationToken=" + modified) })
        {
            var refused = await Api.ListingsAsync(channel, query);
            Assert.Equal(400, refused.Status);
            Assert.Equal("continuationToken", refused.ProblemField);
        }
    }

    [Fact]
    public async Task A_search_token_continues_only_its_own_query()
    {
        foreach (var sku in Enumerable.Range(0, 3).Select(i => $"MUG-{i}"))
        {
            await Api.CreateItemAsync(new { sku, title = "mug" });
        }

        var token = (await Api.SearchAsync("q=MUG&pageSize=1")).Json.GetProperty("continuationToken").GetString()!;

        Assert.Equal(200, (await Api.SearchAsync("q=MUG&pageSize=1&continuationToken=" + token)).Status);
        Assert.Equal("continuationToken", (await Api.SearchAsync("q=MU&pageSize=1&continuationToken=" + token)).ProblemField);
    }

    [Fact]
    public async Task A_body_is_read_to_at_most_one_byte_beyond_the_limit_and_answers_413()
    {
        // A body without end (as a chunked upload may be), counting what was read of it.
        var body = new GeneratedStream((_, buffer) =>
        {
            buffer.Fill((byte)' ');
            return buffer.Length;
        });
        var request = new DefaultHttpContext().Request;
        request.Body = body;

        var read = await RequestBody.ReadBoundedAsync(request, default);

        Assert.Equal(DomainErrorKind.TooLarge, read.Error?.Kind);
        Assert.InRange(body.Position, RequestBody.MaxBytes + 1, RequestBody.MaxBytes + 1);
        Assert.Equal(413, (await Api.CallRawAsync<InventoryFunctions>((f, r) => f.Create(r, default), "POST", new string(' ', RequestBody.MaxBytes + 1))).Status);
    }
}
