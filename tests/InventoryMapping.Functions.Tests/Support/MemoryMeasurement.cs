namespace InventoryMapping.Functions.Tests.Support;

/// <summary>Tests that read process-wide memory figures run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;
