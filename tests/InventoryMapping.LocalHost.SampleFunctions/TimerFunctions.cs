using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.LocalHost.SampleFunctions;

public sealed class TimerFunctions(InvocationLog log, TimeProvider time)
{
    [Function("Tick")]
    public void Tick([TimerTrigger("%SampleSchedule%")] TimerInfo timer) =>
        log.Add("Tick", string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():O}|{timer.ScheduleStatus?.Next:O}"));
}
