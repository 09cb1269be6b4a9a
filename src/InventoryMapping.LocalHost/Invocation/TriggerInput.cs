using Microsoft.AspNetCore.Http;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>What one trigger event offers to a function's parameters: the trigger value and named binding data.</summary>
internal abstract class TriggerInput : IAsyncDisposable
{
    /// <summary>The value for the parameter the trigger binding names (e.g. the request, message or blob).</summary>
    public abstract ValueTask<object?> GetTriggerValueAsync(Type parameterType, CancellationToken cancellationToken);

    /// <summary>Binding data by name (route values, blob path parameters, message properties...), case-insensitive.</summary>
    public abstract bool TryGetBindingData(string name, out object? value);

    /// <summary>The HTTP request's context, for the <c>FunctionContext</c> of HTTP-triggered functions.</summary>
    public virtual HttpContext? HttpContext => null;

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
