namespace InventoryMapping.Jobs.Kinds;

/// <summary>What a Create All job was asked to do: nothing beyond the job's channel and dry run, today.</summary>
internal sealed record CreateAllParameters
{
    public int Version { get; init; } = 1;
}
