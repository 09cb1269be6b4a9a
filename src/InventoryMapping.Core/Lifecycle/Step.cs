namespace InventoryMapping.Lifecycle;

/// <summary>What one step of a tracked request came to.</summary>
public abstract record Step
{
    /// <summary>Still with Amazon (or waiting): the slot stays taken.</summary>
    public static Step Continue { get; } = new ContinueStep();

    /// <summary>Done; the slot is released and its <c>AsOf</c> set to <paramref name="AsOf"/> when given.</summary>
    public static Step Completed(DateTimeOffset? asOf) => new CompletedStep(asOf);

    /// <summary>Ended without result but not failed (e.g. Amazon had no data); the slot is released, <c>AsOf</c> unchanged.</summary>
    public static Step Ended { get; } = new CompletedStep(null);

    /// <summary>The request was given up (timed out) and marked so; the slot is released and a new request started.</summary>
    public static Step Restart { get; } = new RestartStep();

    internal sealed record ContinueStep : Step;

    internal sealed record CompletedStep(DateTimeOffset? AsOf) : Step;

    internal sealed record RestartStep : Step;
}
