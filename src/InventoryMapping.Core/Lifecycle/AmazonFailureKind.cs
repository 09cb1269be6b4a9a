namespace InventoryMapping.Lifecycle;

public enum AmazonFailureKind
{
    /// <summary>Trying again gives the same: the request fails now.</summary>
    Permanent,

    /// <summary>May pass: tried again with back-off, up to <see cref="LifecycleOptions.MaxTransientFailures"/> in a row.</summary>
    Transient,

    /// <summary>Not a failure of the step: the rate allowance is spent, or the operation backs off (<see cref="StepBackOffException"/>); the step runs again after <see cref="AmazonFailure.RetryAfter"/>.</summary>
    Deferred,
}
