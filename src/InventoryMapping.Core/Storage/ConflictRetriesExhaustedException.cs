namespace InventoryMapping.Storage;

/// <summary>A conditional write kept conflicting until its <see cref="ConflictLimit"/> was spent.</summary>
public sealed class ConflictRetriesExhaustedException(ConflictLimit limit, int attempts, Exception? cause)
    : BusyException($"The {limit.Name} kept changing: {attempts} attempts conflicted, giving up.", cause)
{
    public ConflictLimit Limit { get; } = limit;

    public int Attempts { get; } = attempts;
}
