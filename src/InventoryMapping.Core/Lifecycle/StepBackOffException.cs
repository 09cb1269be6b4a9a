namespace InventoryMapping.Lifecycle;

/// <summary>
/// A step that recorded its state and asks to run again only after <paramref name="retryAfter"/> (e.g. Amazon aborted a
/// feed it will send again): deferred by the lifecycle like a spent allowance, its wait chosen by the operation,
/// usually <see cref="LifecycleOptions.RetryDelay"/> of its own count of tries.
/// </summary>
public sealed class StepBackOffException(string reason, TimeSpan retryAfter) : Exception(reason)
{
    public TimeSpan RetryAfter => retryAfter;
}
