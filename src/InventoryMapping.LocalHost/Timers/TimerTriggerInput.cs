using InventoryMapping.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.LocalHost.Timers;

internal sealed class TimerTriggerInput(TimerInfo timer) : TriggerInput
{
    public override ValueTask<object?> GetTriggerValueAsync(Type parameterType, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>(timer);

    public override bool TryGetBindingData(string name, out object? value)
    {
        value = null;
        return false;
    }
}
