namespace InventoryMapping.Jobs.Kinds;

/// <summary>How many linked listings a Force Update went through, how many it marked for the sync (would send, in a dry run), and how many it skipped as not eligible.</summary>
internal sealed record ForceUpdateResult(long Linked, long Marked, long Skipped) : IJobResult<ForceUpdateResult>
{
    public int Version { get; init; } = 1;

    public static ForceUpdateResult Zero { get; } = new(0, 0, 0);

    public ForceUpdateResult Plus(ForceUpdateResult other) => new(Linked + other.Linked, Marked + other.Marked, Skipped + other.Skipped);

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long> { ["linked"] = Linked, ["marked"] = Marked, ["skipped"] = Skipped };
}
