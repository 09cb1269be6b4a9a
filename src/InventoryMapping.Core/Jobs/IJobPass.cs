namespace InventoryMapping.Jobs;

/// <summary>One worker's pass over a job (see <see cref="IJobKind.Start"/>): reads a page of a part and processes it.</summary>
internal interface IJobPass
{
    Task<JobPage> ProcessAsync(int part, string? cursor, CancellationToken cancellationToken);
}
