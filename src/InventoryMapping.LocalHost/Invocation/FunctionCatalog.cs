using System.Reflection;
using InventoryMapping.LocalHost.Metadata;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>The functions of one build output: their metadata and, for each one the host can run, an invoker.</summary>
internal sealed class FunctionCatalog
{
    private FunctionCatalog(
        string directory, IReadOnlyList<FunctionMetadata> all, IReadOnlyList<FunctionInvoker> runnable, IReadOnlyList<string> warnings)
    {
        Directory = directory;
        All = all;
        Runnable = runnable;
        Warnings = warnings;
    }

    public string Directory { get; }

    public IReadOnlyList<FunctionMetadata> All { get; }

    public IReadOnlyList<FunctionInvoker> Runnable { get; }

    /// <summary>Functions left out (disabled, or a trigger the host doesn't run) and bindings it ignores.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public IEnumerable<FunctionInvoker> WithTrigger(string triggerType) =>
        Runnable.Where(f => string.Equals(f.Metadata.Trigger?.Type, triggerType, StringComparison.OrdinalIgnoreCase));

    /// <param name="triggers">Trigger type (as in functions.metadata) → whether a parameter type can receive it.</param>
    public static FunctionCatalog Load(string directory, IConfiguration configuration, IReadOnlyDictionary<string, Func<Type, bool>> triggers)
    {
        var all = FunctionMetadataReader.Read(directory);
        var runnable = new List<FunctionInvoker>();
        var warnings = new List<string>();
        foreach (var function in all)
        {
            if (IsDisabled(configuration, function.Name))
            {
                warnings.Add($"{function.Name}: skipped, disabled by setting AzureWebJobs.{function.Name}.Disabled");
                continue;
            }

            var trigger = function.Trigger;
            if (trigger is null || !triggers.TryGetValue(trigger.Type, out var canBind))
            {
                warnings.Add($"{function.Name}: skipped, trigger '{trigger?.Type ?? "(none)"}' is not supported by the local host");
                continue;
            }

            foreach (var binding in function.Bindings.Where(b => !b.IsTrigger && !IsHttpResult(b)))
            {
                warnings.Add($"{function.Name}: {binding.Direction.ToLowerInvariant()} binding '{binding.Type}' ({binding.Name}) is ignored by the local host");
            }

            runnable.Add(new FunctionInvoker(function, FindMethod(directory, function), canBind));
        }

        return new FunctionCatalog(directory, all, runnable, warnings);
    }

    private static bool IsHttpResult(BindingMetadata binding) =>
        string.Equals(binding.Type, "http", StringComparison.OrdinalIgnoreCase) && string.Equals(binding.Direction, "Out", StringComparison.OrdinalIgnoreCase);

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
