namespace InventoryMapping.Jobs.Kinds;

/// <summary>Which deleted item an unlink job unlinks the channel's listings from.</summary>
internal sealed record UnlinkDeletedItemParameters(string ItemId)
{
    public int Version { get; init; } = 1;
}
