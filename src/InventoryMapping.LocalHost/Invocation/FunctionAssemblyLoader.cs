using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>
/// Loads a function app's assembly into the default load context. Assemblies the host itself has (ASP.NET Core,
/// the storage SDKs, the worker extension types, the app's own libraries) are shared, so types such as
/// HttpRequest, IResult, TimerInfo or BlobClient are the same on both sides; the rest resolve from the app's folder.
/// </summary>
internal static class FunctionAssemblyLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> s_loaded = new(StringComparer.Ordinal);

    public static Assembly Load(string assemblyPath) =>
        s_loaded.GetOrAdd(Path.GetFullPath(assemblyPath), path => new Lazy<Assembly>(() => LoadCore(path))).Value;

    private static Assembly LoadCore(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The function assembly '{path}' does not exist. Build the Functions project first.");
        }

        var resolver = new AssemblyDependencyResolver(path);
        AssemblyLoadContext.Default.Resolving += (context, requested) =>
            resolver.ResolveAssemblyToPath(requested) is { } resolved ? context.LoadFromAssemblyPath(resolved) : null;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
            resolver.ResolveUnmanagedDllToPath(name) is { } resolved ? NativeLibrary.Load(resolved) : IntPtr.Zero;
        return AssemblyLoadContext.Default.LoadFromAssemblyName(AssemblyName.GetAssemblyName(path));
    }
}
