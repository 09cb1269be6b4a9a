namespace InventoryMapping.AmazonSandbox;

/// <summary>How reports created from now on end.</summary>
public enum SandboxReportOutcome
{
    Done,
    Fatal,

    /// <summary>FATAL with a <c>reportDocumentId</c> whose document says why, as Amazon sometimes does.</summary>
    FatalWithErrorDocument,
    Cancelled,

    /// <summary>Starts, then never leaves IN_PROGRESS.</summary>
    StuckInProgress,

    /// <summary>Never leaves IN_QUEUE, as when another report of the seller blocks it.</summary>
    StuckInQueue,
}
