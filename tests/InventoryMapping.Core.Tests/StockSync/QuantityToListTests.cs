using InventoryMapping.Channels;
using InventoryMapping.Listings;

namespace InventoryMapping.Core.Tests.StockSync;

/// <summary>The quantity-to-list rules as a table: stock over the channel's locations, then percentage, cap and end-when-stock, the listing's value over the channel's.</summary>
public sealed class QuantityToListTests
{
    private static readonly IReadOnlyList<string> OneLocation = ["default"];
    private static readonly IReadOnlyList<string> TwoLocations = ["default", "warehouse"];

    public static TheoryData<string, IReadOnlyDictionary<string, int>, IReadOnlyList<string>, StockRules, StockRules, int> Cases => new()
    {
        { "no rules: all available", Stock(("default", 7)), OneLocation, StockRules.None, StockRules.None, 7 },
        { "nothing in stock", Stock(), OneLocation, StockRules.None, StockRules.None, 0 },
        { "summed over the channel's locations", Stock(("default", 3), ("warehouse", 4), ("shop", 100)), TwoLocations, StockRules.None, StockRules.None, 7 },
        { "a location the channel does not use does not count", Stock(("shop", 100)), OneLocation, StockRules.None, StockRules.None, 0 },
        { "percentage rounds down", Stock(("default", 7)), OneLocation, new(StockPercentage: 50), StockRules.None, 3 },
        { "0 percent lists nothing", Stock(("default", 7)), OneLocation, new(StockPercentage: 0), StockRules.None, 0 },
        { "cap", Stock(("default", 70)), OneLocation, new(MaxListedQuantity: 10), StockRules.None, 10 },
        { "cap above the stock changes nothing", Stock(("default", 7)), OneLocation, new(MaxListedQuantity: 10), StockRules.None, 7 },
        { "percentage, then cap", Stock(("default", 100)), OneLocation, new(StockPercentage: 50, MaxListedQuantity: 30), StockRules.None, 30 },
        { "end when stock: at the threshold, 0", Stock(("default", 2)), OneLocation, new(EndWhenStock: 2), StockRules.None, 0 },
        { "end when stock: above it, the rules apply", Stock(("default", 3)), OneLocation, new(EndWhenStock: 2), StockRules.None, 3 },
        { "end when stock looks at the available stock, not the percentage", Stock(("default", 4)), OneLocation, new(StockPercentage: 50, EndWhenStock: 3), StockRules.None, 2 },
        { "the listing's percentage wins", Stock(("default", 10)), OneLocation, new(StockPercentage: 50), new(StockPercentage: 100), 10 },
        { "the listing's cap wins, the channel's percentage stays", Stock(("default", 100)), OneLocation, new(StockPercentage: 50, MaxListedQuantity: 5), new(MaxListedQuantity: 40), 40 },
        { "the listing's end-when-stock wins", Stock(("default", 5)), OneLocation, new(EndWhenStock: 10), new(EndWhenStock: 0), 5 },
        { "a cap of 0", Stock(("default", 5)), OneLocation, StockRules.None, new(MaxListedQuantity: 0), 0 },
        { "never above Amazon's maximum", Stock(("default", 2_000_000_000), ("warehouse", 2_000_000_000)), TwoLocations, StockRules.None, StockRules.None, QuantityToList.AmazonMaxQuantity },
        { "never negative", Stock(("default", -5)), OneLocation, StockRules.None, StockRules.None, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quantity_to_list_follows_the_documented_rules(string @case, IReadOnlyDictionary<string, int> stock, IReadOnlyList<string> locations, StockRules channel, StockRules listing, int expected)
    {
        var result = QuantityToList.Of(stock, locations, channel, listing);

        Assert.True(expected == result.Quantity, $"{@case}: expected {expected}, got {result.Quantity}");
        Assert.InRange(result.Quantity, 0, QuantityToList.AmazonMaxQuantity);
    }

    [Fact]
    public void The_figures_say_where_the_quantity_came_from()
    {
        var result = QuantityToList.Of(Stock(("default", 3), ("warehouse", 8)), TwoLocations, new StockRules(StockPercentage: 50, MaxListedQuantity: 100), new StockRules(StockPercentage: 80));

        Assert.Equal(8, result.Quantity);
        Assert.Equal(11, result.Available);
        Assert.Equal(new Dictionary<string, int> { ["default"] = 3, ["warehouse"] = 8 }, result.StockLevels);
        Assert.Equal(80, result.StockPercentage);
        Assert.Equal(100, result.MaxListedQuantity);
        Assert.Null(result.EndWhenStock);
        Assert.False(result.Ended);
    }

    private static Dictionary<string, int> Stock(params (string Location, int Level)[] levels) => levels.ToDictionary(l => l.Location, l => l.Level);
}
