namespace InventoryMapping.Jobs;

public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>
    /// Shown, never stored: the job is running, but the runner holding it stopped renewing its lease (it died). It
    /// shows so from the lease's end until another runner takes the job over.
    /// </summary>
    Stalled,
}
