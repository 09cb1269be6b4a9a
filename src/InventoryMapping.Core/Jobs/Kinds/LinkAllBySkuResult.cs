namespace InventoryMapping.Jobs.Kinds;

/// <summary>What a Link All by SKU job did, listing by listing.</summary>
internal sealed record LinkAllBySkuResult(long Linked, long NoMatch, long Ambiguous, long ChangedMeanwhile) : IJobResult<LinkAllBySkuResult>
{
    public int Version { get; init; } = 1;

    public static LinkAllBySkuResult Zero { get; } = new(0, 0, 0, 0);

    public LinkAllBySkuResult Plus(LinkAllBySkuResult other) =>
        new(Linked + other.Linked, NoMatch + other.NoMatch, Ambiguous + other.Ambiguous, ChangedMeanwhile + other.ChangedMeanwhile);

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long>
    {
        [LinkAllBySku.Linked] = Linked,
        [LinkAllBySku.NoMatch] = NoMatch,
        [LinkAllBySku.Ambiguous] = Ambiguous,
        [LinkAllBySku.ChangedMeanwhile] = ChangedMeanwhile,
    };
}
