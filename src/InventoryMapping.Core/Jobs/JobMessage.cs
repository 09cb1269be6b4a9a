namespace InventoryMapping.Jobs;

/// <summary>
/// The queue message that asks a runner to work on a job (start it, or go on from its checkpoint). A message with
/// <see cref="LeaseId"/> is the watch of that holding of the job's lease: it comes back when the lease would end,
/// and takes the job over if the holder died (see <see cref="JobRunner"/>). Written and read with
/// <see cref="JobDocument.Options"/>, so fields can be added without breaking older runners.
/// </summary>
public sealed record JobMessage(string JobId, string? LeaseId = null);
