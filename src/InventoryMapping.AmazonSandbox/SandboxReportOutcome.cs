namespace InventoryMapping.AmazonSandbox;

/// <summary>How reports created from now on end.</summary>
public enum SandboxReportOutcome
{
    Done,
    Fatal,
    Cancelled,

    /// <summary>Never leaves IN_QUEUE, as when another report of the seller blocks it.</summary>
    StuckInQueue,
}
