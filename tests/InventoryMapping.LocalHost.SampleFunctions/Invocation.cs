namespace InventoryMapping.LocalHost.SampleFunctions;

public sealed record Invocation(string Function, string Detail);
