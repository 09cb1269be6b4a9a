namespace InventoryMapping.LocalHost.Metadata;

/// <summary>One function as described by functions.metadata: the same description the Azure Functions host reads.</summary>
public sealed record FunctionMetadata(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<BindingMetadata> Bindings)
{
    /// <summary>The single trigger binding, or null for a function the SDK described without one.</summary>
    public BindingMetadata? Trigger => Bindings.FirstOrDefault(b => b.IsTrigger);

    /// <summary>The type part of <see cref="EntryPoint"/> ("Namespace.Class").</summary>
    public string TypeName => EntryPoint[..Math.Max(0, EntryPoint.LastIndexOf('.'))];

    /// <summary>The method part of <see cref="EntryPoint"/>.</summary>
    public string MethodName => EntryPoint[(EntryPoint.LastIndexOf('.') + 1)..];
}
