namespace InventoryMapping.LocalHost.SampleFunctions;

/// <summary>A scoped service: a new one per invocation proves the host creates a scope per invocation.</summary>
public sealed class RequestScopedCounter
{
    public Guid Id { get; } = Guid.NewGuid();
}
