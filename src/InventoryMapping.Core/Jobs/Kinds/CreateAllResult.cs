namespace InventoryMapping.Jobs.Kinds;

/// <summary>What a Create All job did: items created and linked, listings whose SKU an item already had, listings that changed meanwhile.</summary>
internal sealed record CreateAllResult(long Created, long SkuExists, long ChangedMeanwhile) : IJobResult<CreateAllResult>
{
    public int Version { get; init; } = 1;

    public static CreateAllResult Zero { get; } = new(0, 0, 0);

    public CreateAllResult Plus(CreateAllResult other) =>
        new(Created + other.Created, SkuExists + other.SkuExists, ChangedMeanwhile + other.ChangedMeanwhile);

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long>
    {
        [CreateAll.Created] = Created,
        [CreateAll.SkuExists] = SkuExists,
        [CreateAll.ChangedMeanwhile] = ChangedMeanwhile,
    };
}
