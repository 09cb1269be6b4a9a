namespace InventoryMapping.Storage;

/// <summary>What a conditional entity-group transaction came to; on failure, the index of the action that failed.</summary>
public readonly record struct TransactionOutcome(WriteOutcome Outcome, int? FailedAction)
{
    public static TransactionOutcome Written => new(WriteOutcome.Written, null);

    public bool IsWritten => Outcome == WriteOutcome.Written;
}
