namespace InventoryMapping.Jobs.Kinds;

/// <summary>How many listings an unlink job unlinked.</summary>
internal sealed record UnlinkDeletedItemResult(long Unlinked) : IJobResult<UnlinkDeletedItemResult>
{
    public int Version { get; init; } = 1;

    public static UnlinkDeletedItemResult Zero { get; } = new(0);

    public UnlinkDeletedItemResult Plus(UnlinkDeletedItemResult other) => new(Unlinked + other.Unlinked);

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long> { [UnlinkDeletedItem.Unlinked] = Unlinked };
}
