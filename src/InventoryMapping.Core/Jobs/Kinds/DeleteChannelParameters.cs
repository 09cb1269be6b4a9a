namespace InventoryMapping.Jobs.Kinds;

/// <summary>A channel deletion takes nothing beyond the job's channel.</summary>
internal sealed record DeleteChannelParameters
{
    public int Version { get; init; } = 1;
}
