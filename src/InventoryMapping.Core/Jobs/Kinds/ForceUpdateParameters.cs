namespace InventoryMapping.Jobs.Kinds;

/// <summary>Whether the pass sends every eligible quantity (Force Update) or only those that differ from what Amazon accepted (after a rule change).</summary>
internal sealed record ForceUpdateParameters(bool Force)
{
    public int Version { get; init; } = 1;
}
