namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// What a reservation sweep found: SKU reservations left uncommitted, those it committed against their item, those
/// it released (no item, older than <see cref="Inventory.ItemWriter.AbandonedReservationAge"/>), and those it left
/// because their item may still be on its way (younger).
/// </summary>
internal sealed record SweepReservationsResult(long Uncommitted, long Committed, long Released, long InFlight) : IJobResult<SweepReservationsResult>
{
    public int Version { get; init; } = 1;

    public static SweepReservationsResult Zero { get; } = new(0, 0, 0, 0);

    public SweepReservationsResult Plus(SweepReservationsResult other) =>
        new(Uncommitted + other.Uncommitted, Committed + other.Committed, Released + other.Released, InFlight + other.InFlight);

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long>
    {
        ["uncommitted"] = Uncommitted,
        ["committed"] = Committed,
        ["released"] = Released,
        [SweepReservations.InFlight] = InFlight,
    };
}
