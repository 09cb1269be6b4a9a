namespace InventoryMapping.Jobs;

public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
