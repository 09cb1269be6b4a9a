using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.LocalHost.Hosting;

/// <summary>
/// Finds the function app's composition: a public static <c>ConfigureWorker(IFunctionsWorkerApplicationBuilder,
/// IConfiguration)</c> in the function assembly, which the app's Program.cs also calls. It registers the app's services
/// and worker middleware, so the local host runs the same pipeline as the worker in Azure.
/// </summary>
internal static class WorkerStartup
{
    public const string MethodName = "ConfigureWorker";

    public static Action<IFunctionsWorkerApplicationBuilder, IConfiguration>? Find(IEnumerable<Assembly> functionAssemblies)
    {
        var methods = functionAssemblies
            .Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name == MethodName && m.ReturnType == typeof(void)
                && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(IFunctionsWorkerApplicationBuilder), typeof(IConfiguration)]))
            .ToList();
        return methods.Count switch
        {
            0 => null,
            1 => methods[0].CreateDelegate<Action<IFunctionsWorkerApplicationBuilder, IConfiguration>>(),
            _ => throw new InvalidOperationException(
                $"The function app has {methods.Count} public static {MethodName} methods ({string.Join(", ", methods.Select(m => m.DeclaringType))}); the local host needs one."),
        };
    }
}
