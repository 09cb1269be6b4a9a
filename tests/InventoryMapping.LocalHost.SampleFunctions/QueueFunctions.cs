using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.LocalHost.SampleFunctions;

public sealed class QueueFunctions(InvocationLog log)
{
    [Function("Queued")]
    public void Queued([QueueTrigger("%SampleQueue%", Connection = "SampleStorage")] SampleMessage message, string text, int dequeueCount)
    {
        log.Add("Queued", $"{message.Text}|{text}|{dequeueCount}");
        if (message.Fail)
        {
            throw new InvalidOperationException("The sample message asks to fail.");
        }
    }
}
