namespace InventoryMapping.AmazonSandbox;

/// <summary>A seller's listings: a fixed list, or generated on the fly so a million rows never sit in memory.</summary>
public sealed class SandboxCatalogue
{
    private readonly IReadOnlyList<SandboxListing>? _listings;
    private readonly int _seed;

    private SandboxCatalogue(IReadOnlyList<SandboxListing>? listings, int count, int seed)
    {
        _listings = listings;
        Count = count;
        _seed = seed;
    }

    public static SandboxCatalogue Empty { get; } = Of([]);

    public int Count { get; }

    private HashSet<string>? _skus;

    /// <summary>Whether the seller lists <paramref name="sku"/> (built once per catalogue, on first use).</summary>
    public bool Contains(string sku) => (_skus ??= [.. Listings().Select(l => l.Sku)]).Contains(sku);

    public static SandboxCatalogue Of(IEnumerable<SandboxListing> listings)
    {
        SandboxListing[] copy = [.. listings];
        return new(copy, copy.Length, 0);
    }

    public static SandboxCatalogue Generated(int count, int seed) => new(null, count, seed);

    public IEnumerable<SandboxListing> Listings()
    {
        if (_listings is not null)
        {
            return _listings;
        }

        return Enumerable.Range(0, Count).Select(i => ListingGenerator.Create(i, _seed));
    }
}
