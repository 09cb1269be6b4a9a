using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.LocalHost.SampleFunctions;

public sealed class BlobFunctions(InvocationLog log)
{
    [Function("Dropped")]
    public async Task Dropped(
        [BlobTrigger("%SampleContainer%/{name}", Connection = "SampleStorage")] Stream blob, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(blob);
        var content = await reader.ReadToEndAsync(cancellationToken);
        log.Add("Dropped", $"{name}|{content}");
        if (content == "fail")
        {
            throw new InvalidOperationException("The sample blob asks to fail.");
        }
    }
}
