using InventoryMapping.Inventory;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Inventory;

public sealed class InventorySearchTests : IAsyncLifetime
{
    private TestServices _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestServices.StartAsync();
        var skus = new[] { "ab-1", "AB-12", "ab-123", "xab-1", "zz-ab-1-ab-1", "other", "Größe-AB-1", "a/b#c?d" };
        await _app.Get<InventoryService>().CreateManyAsync(skus.Select(s => new ItemDefinition(s, "title " + s)).ToList(), default);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private InventorySearch Search => _app.Get<InventorySearch>();

    [Fact]
    public async Task Results_rank_exact_then_prefix_then_contains_ignoring_case()
    {
        var page = (await Search.SearchAsync("Ab-1", 20, null, default)).Value!;

        Assert.Equal(["ab-1", "AB-12", "ab-123"], page.Items.Take(3).Select(h => h.Sku));
        Assert.Equal(["Größe-AB-1", "xab-1", "zz-ab-1-ab-1"], page.Items.Skip(3).Select(h => h.Sku).Order(StringComparer.Ordinal));
        Assert.Equal([SkuMatch.Exact, SkuMatch.Prefix, SkuMatch.Prefix, SkuMatch.Contains, SkuMatch.Contains, SkuMatch.Contains], page.Items.Select(h => h.Match));
        Assert.Equal("title ab-1", page.Items[0].Title);
    }

    [Fact]
    public async Task Pages_continue_without_repeating_or_skipping_hits()
    {
        var all = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = (await Search.SearchAsync("ab-1", 2, token, default)).Value!;
            Assert.True(page.Items.Count <= 2);
            all.AddRange(page.Items.Select(h => h.Sku));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.Equal((await Search.SearchAsync("ab-1", 20, null, default)).Value!.Items.Select(h => h.Sku), all);
        Assert.Equal(6, all.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public async Task Every_page_size_walks_the_same_hits_once_and_ends_with_no_token(int pageSize)
    {
        var all = new List<string>();
        string? token = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = (await Search.SearchAsync("ab-1", pageSize, token, default)).Value!;
            all.AddRange(page.Items.Select(h => h.ItemId));
            token = page.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        Assert.Null(token);
        Assert.Equal(6, all.Count);
        Assert.Equal(6, all.Distinct().Count());
    }

    [Theory]
    [InlineData("/b#c", "a/b#c?d")]
    [InlineData("RÖß", "Größe-AB-1")]
    [InlineData("THE", "other")]
    public async Task Fragments_with_special_and_non_ascii_characters_are_found(string query, string sku)
    {
        var page = (await Search.SearchAsync(query, 20, null, default)).Value!;

        Assert.Contains(page.Items, h => h.Sku == sku);
    }

    [Fact]
    public async Task A_renamed_item_is_found_by_its_new_sku_only()
    {
        var item = (await Search.SearchAsync("other", 1, null, default)).Value!.Items.Single();
        var service = _app.Get<InventoryService>();

        var renamed = await service.ReplaceAsync(item.ItemId, new ItemDefinition("brand-new", "t"), null, default);

        Assert.True(renamed.IsSuccess);
        Assert.Empty((await Search.SearchAsync("other", 20, null, default)).Value!.Items);
        Assert.Equal(item.ItemId, (await Search.SearchAsync("and-ne", 20, null, default)).Value!.Items.Single().ItemId);
        Assert.True((await service.CreateAsync(new ItemDefinition("OTHER", "t"), default)).IsSuccess);
    }

    [Fact]
    public async Task A_deleted_item_frees_its_sku_and_leaves_search()
    {
        var item = (await Search.SearchAsync("xab-1", 1, null, default)).Value!.Items.Single();
        var service = _app.Get<InventoryService>();

        Assert.True((await _app.Get<InventoryMapping.Jobs.Kinds.ItemDeletion>().DeleteAsync(item.ItemId, null, default)).IsSuccess);

        Assert.DoesNotContain((await Search.SearchAsync("xab", 20, null, default)).Value!.Items, h => h.ItemId == item.ItemId);
        Assert.True((await service.CreateAsync(new ItemDefinition("XAB-1", "t"), default)).IsSuccess);
    }
}
