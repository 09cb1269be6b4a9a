using InventoryMapping.Inventory;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Inventory;

/// <summary>What each query finds, in order, and how: a table of cases over one catalogue, walked page by page.</summary>
public sealed class SearchRankingTests : IAsyncLifetime
{
    private static readonly (string Sku, string Title)[] Items =
    [
        ("RED-1", "Crimson mug"),
        ("red-10", "Café crème cup"),
        ("Red-100", "Plain plate"),
        ("x-red-1", "Blue bowl"),
        ("BLUE-7", "Red velvet cushion"),
        ("GRN-3", "Reduced price lamp"),
        ("YEL-4", "Tomato red kettle"),
        ("a/b#c?d", "Odd keys"),
        ("back\\slash 50%", "Odd keys too"),
        ("'quoted", "Leading apostrophe"),
        ("=formula", "Leading equals sign"),
        ("with space", "Größe XL Überzug"),
        ("JP-1", "東京タワー 模型"),
        ("RU-1", "Москва кружка"),
    ];

    private TestServices _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestServices.StartAsync();
        var created = await _app.Get<InventoryService>().CreateManyAsync(Items.Select(i => new ItemDefinition(i.Sku, i.Title)).ToList(), default);
        Assert.True(created.IsSuccess);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string[]> Cases => new()
    {
        // SKU exact > prefix > contains (each in upper-cased SKU order) > title word prefix (in SKU order too).
        { "red-1", ["RED-1 exact", "red-10 prefix", "Red-100 prefix", "x-red-1 contains"] },
        { "RED", ["RED-1 prefix", "red-10 prefix", "Red-100 prefix", "x-red-1 contains", "BLUE-7 title", "GRN-3 title", "YEL-4 title"] },
        { "red v", ["BLUE-7 title"] },
        { "velvet cush", ["BLUE-7 title"] },
        { "vet", [] },
        { "CAFE", ["red-10 title"] },
        { "crème", ["red-10 title"] },
        { "GROSSE", [] },
        { "größe", ["with space title"] },
        { "uberzug", ["with space title"] },
        { "東京", ["JP-1 title"] },
        { "москва", ["RU-1 title"] },
        { "МОСК", ["RU-1 title"] },
        { "a/b#c?d", ["a/b#c?d exact"] },
        { "#c?", ["a/b#c?d contains"] },
        { "\\slash 5", ["back\\slash 50% contains"] },
        { "50%", ["back\\slash 50% contains"] },
        { "'quo", ["'quoted prefix"] },
        { "'", ["'quoted prefix"] },
        { "=FORMULA", ["=formula exact"] },
        { "=", ["=formula prefix"] },
        { "h sp", ["with space contains"] },
        { "with space", ["with space exact"] },
        { "nothing-like-it", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_query_finds_its_items_best_match_first_each_once_on_every_page_size(string query, string[] expected)
    {
        foreach (var pageSize in new[] { 1, 2, 3, 20 })
        {
            var hits = new List<string>();
            string? token = null;
            for (var pages = 0; pages < 30; pages++)
            {
                var page = (await _app.Get<IInventorySearch>().SearchAsync(query, pageSize, token, default)).Value!;
                Assert.True(page.Items.Count <= pageSize);
                hits.AddRange(page.Items.Select(h => $"{h.Sku} {h.Match?.ToString().ToLowerInvariant()}"));
                token = page.ContinuationToken;
                if (token is null)
                {
                    break;
                }
            }

            Assert.Null(token);
            Assert.Equal(expected, hits);
        }
    }

    [Fact]
    public async Task A_hit_carries_the_title_as_written()
    {
        var hit = Assert.Single((await _app.Get<IInventorySearch>().SearchAsync("cafe", 20, null, default)).Value!.Items);

        Assert.Equal("Café crème cup", hit.Title);
        Assert.Equal(SearchMatch.Title, hit.Match);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("eyJNYXRjaCI6OSwiU2t1IjoiQSIsIklkIjoienoifQ")]
    public async Task A_token_this_search_did_not_return_is_rejected_naming_the_field(string token)
    {
        var result = await _app.Get<IInventorySearch>().SearchAsync("red", 20, token, default);

        Assert.False(result.IsSuccess);
        Assert.Equal("continuationToken", result.Error.Field);
    }
}
