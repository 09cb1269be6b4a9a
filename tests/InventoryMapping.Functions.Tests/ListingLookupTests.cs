using InventoryMapping.Functions.Tests.Support;

namespace InventoryMapping.Functions.Tests;

/// <summary><c>GET …/listings?sku=</c>: a listing by its plain SKU, so a client needs no copy of the listing id encoding.</summary>
public sealed class ListingLookupTests : ApiTest
{
    [Theory]
    [MemberData(nameof(ListingLinkingTests.OddSkus), MemberType = typeof(ListingLinkingTests))]
    public async Task A_listing_is_found_by_its_exact_sku_whatever_characters_it_has(string sku)
    {
        await Api.PutChannelAsync("shop");
        var created = (await Api.PutListingAsync("shop", new { sku, title = "Thing" })).Json;
        await Api.PutListingAsync("shop", new { sku = sku + "x", title = "Other" });

        var found = await Api.ListingsAsync("shop", "sku=" + Uri.EscapeDataString(sku));

        Assert.Equal(200, found.Status);
        var listing = Assert.Single(found.Json.GetProperty("listings").EnumerateArray());
        Assert.Equal((sku, created.GetProperty("listingId").GetString()), (listing.GetProperty("sku").GetString(), listing.GetProperty("listingId").GetString()));
        Assert.False(found.Json.TryGetProperty("continuationToken", out _));
    }

    [Fact]
    public async Task The_lookup_is_case_sensitive_and_an_unknown_sku_is_an_empty_page()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "Mug-1", title = "Mug" });

        Assert.Single((await Api.ListingsAsync("shop", "sku=Mug-1")).Json.GetProperty("listings").EnumerateArray());
        Assert.Empty((await Api.ListingsAsync("shop", "sku=MUG-1")).Json.GetProperty("listings").EnumerateArray());
        Assert.Empty((await Api.ListingsAsync("shop", "sku=Mug-1%20")).Json.GetProperty("listings").EnumerateArray());
        Assert.Equal(404, (await Api.ListingsAsync("nowhere", "sku=Mug-1")).Status);
    }

    [Theory]
    [InlineData("sku=A&link=linked", "link")]
    [InlineData("sku=A&pageSize=5", "pageSize")]
    [InlineData("sku=A&continuationToken=x", "continuationToken")]
    [InlineData("sku=A&sku=B", "sku")]
    [InlineData("sku=", "sku")]
    [InlineData("sku=0123456789012345678901234567890123456789X", "sku")]
    [InlineData("sku=A%07", "sku")]
    public async Task A_lookup_with_a_filter_or_a_sku_no_listing_can_have_is_400_naming_the_parameter(string query, string field)
    {
        await Api.PutChannelAsync("shop");

        var refused = await Api.ListingsAsync("shop", query);

        Assert.Equal((400, field), (refused.Status, refused.ProblemField));
    }

    [Fact]
    public async Task The_lookup_takes_include_sync_status()
    {
        await Api.PutChannelAsync("shop");
        await Api.PutListingAsync("shop", new { sku = "S-1", title = "t" });

        var found = await Api.ListingsAsync("shop", "sku=S-1&includeSyncStatus=true");

        Assert.True(Assert.Single(found.Json.GetProperty("listings").EnumerateArray()).TryGetProperty("syncStatus", out _));
    }

    [Fact]
    public async Task A_listing_id_that_names_no_listing_is_404_saying_how_ids_are_formed()
    {
        await Api.PutChannelAsync("shop");

        var missing = await Api.GetListingAsync("shop", "a~2Fb");

        Assert.Equal(404, missing.Status);
        var detail = missing.Json.GetProperty("detail").GetString()!;
        Assert.Contains("'a/b c' is listing 'a~2Fb~20c'", detail, StringComparison.Ordinal);
        Assert.Contains("/api/channels/shop/listings?sku=", detail, StringComparison.Ordinal);
    }
}
