namespace InventoryMapping.LocalHost.SampleFunctions;

public sealed record SampleMessage(string Text, bool Fail);
