using System.Reflection;
using InventoryMapping.LocalHost.Metadata;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>The functions of one build output: their metadata and, for each one the host can run, an invoker.</summary>
internal sealed class FunctionCatalog
{
    private FunctionCatalog(string directory, IReadOnlyList<FunctionMetadata> all, IReadOnlyList<FunctionInvoker> runnable, IReadOnlyList<string> skipped)
    {
        Directory = directory;
        All = all;
        Runnable = runnable;
        Skipped = skipped;
    }

    public string Directory { get; }

    public IReadOnlyList<FunctionMetadata> All { get; }

    public IReadOnlyList<FunctionInvoker> Runnable { get; }

    /// <summary>Why functions were left out (disabled by setting, or a trigger the local host doesn't run).</summary>
    public IReadOnlyList<string> Skipped { get; }

    public IEnumerable<FunctionInvoker> WithTrigger(string triggerType) =>
        Runnable.Where(f => string.Equals(f.Metadata.Trigger?.Type, triggerType, StringComparison.OrdinalIgnoreCase));

    /// <param name="triggers">Trigger type (as in functions.metadata) → whether a parameter type can receive it.</param>
    public static FunctionCatalog Load(string directory, IConfiguration configuration, IReadOnlyDictionary<string, Func<Type, bool>> triggers)
    {
        var all = FunctionMetadataReader.Read(directory);
        var runnable = new List<FunctionInvoker>();
        var skipped = new List<string>();
        foreach (var function in all)
        {
            if (IsDisabled(configuration, function.Name))
            {
                skipped.Add($"{function.Name}: disabled by setting AzureWebJobs.{function.Name}.Disabled");
                continue;
            }

            var trigger = function.Trigger;
            if (trigger is null || !triggers.TryGetValue(trigger.Type, out var canBind))
            {
                skipped.Add($"{function.Name}: trigger '{trigger?.Type ?? "(none)"}' is not supported by the local host");
                continue;
            }

            runnable.Add(new FunctionInvoker(function, FindMethod(directory, function), canBind));
        }

        return new FunctionCatalog(directory, all, runnable, skipped);
    }

    private static bool IsDisabled(IConfiguration configuration, string name) =>
        bool.TryParse(configuration[$"AzureWebJobs.{name}.Disabled"] ?? configuration[$"AzureWebJobs:{name}:Disabled"], out var disabled) && disabled;

    private static MethodInfo FindMethod(string directory, FunctionMetadata function)
    {
        var assembly = FunctionAssemblyLoader.Load(Path.Combine(directory, function.ScriptFile));
        var type = assembly.GetType(function.TypeName, throwOnError: false)
            ?? throw new InvalidOperationException($"Function '{function.Name}': type '{function.TypeName}' not found in {assembly.GetName().Name}.");
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == function.MethodName)
            .ToList();
        return methods.Count == 1
            ? methods[0]
            : throw new InvalidOperationException(
                $"Function '{function.Name}': expected one public method '{function.MethodName}' on {type}, found {methods.Count}.");
    }
}
