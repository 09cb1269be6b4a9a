using InventoryMapping.LocalHost.Blobs;

namespace InventoryMapping.LocalHost.Tests.Blobs;

public sealed class BlobPathPatternTests
{
    public static TheoryData<string, string, string?> Matches => new()
    {
        // path, blob name, expected "param=value;..." (null: no match)
        { "imports/{name}", "stock.csv", "name=stock.csv" },
        { "imports/{name}", "2026/11/stock.csv", "name=2026/11/stock.csv" },
        { "imports/{name}.csv", "stock.csv", "name=stock" },
        { "imports/{name}.csv", "stock.txt", null },
        { "imports/{channel}/{name}", "amazon-uk/listings.tsv", "channel=amazon-uk;name=listings.tsv" },
        { "imports/{channel}/{name}", "listings.tsv", null },
        { "imports/fixed.csv", "fixed.csv", string.Empty },
        { "imports", "anything/at/all", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Matches))]
    public void A_blob_name_matches_the_path_pattern_and_yields_its_parameters(string path, string blobName, string? expected)
    {
        var pattern = BlobPathPattern.Parse(path, "F");

        var matched = pattern.TryMatch(blobName, out var values);

        Assert.Equal("imports", pattern.Container);
        Assert.Equal(expected is not null, matched);
        if (expected is not null)
        {
            Assert.Equal(expected, string.Join(';', values.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}")));
        }
    }

    [Fact]
    public void A_path_whose_container_is_a_parameter_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BlobPathPattern.Parse("{container}/{name}", "F"));

        Assert.Contains("fixed container", error.Message, StringComparison.Ordinal);
    }
}
