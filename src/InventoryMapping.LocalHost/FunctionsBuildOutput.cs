using System.Reflection;

namespace InventoryMapping.LocalHost;

/// <summary>Where the InventoryMapping.Functions build output is, as recorded when this project was built.</summary>
internal static class FunctionsBuildOutput
{
    public static string? Directory =>
        typeof(FunctionsBuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "InventoryMapping.Functions.OutputDirectory")?.Value;
}
