namespace InventoryMapping.Jobs.Kinds;

/// <summary>Starts a sweep of the SKU reservations crashes left uncommitted (see <see cref="SweepReservations"/>).</summary>
public sealed class ReservationSweeps(JobService jobs)
{
    public Task<Job> StartAsync(CancellationToken cancellationToken) =>
        jobs.StartAsync(JobKind.SweepReservations, channelId: "", dryRun: false, new SweepReservationsParameters(), total: 0, cancellationToken);
}
