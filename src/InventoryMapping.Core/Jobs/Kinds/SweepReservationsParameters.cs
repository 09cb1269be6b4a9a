namespace InventoryMapping.Jobs.Kinds;

/// <summary>A reservation sweep takes no parameters today.</summary>
internal sealed record SweepReservationsParameters
{
    public int Version { get; init; } = 1;
}
