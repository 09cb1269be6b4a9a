using System.Collections.Concurrent;

namespace InventoryMapping.LocalHost.SampleFunctions;

/// <summary>What the sample functions were called with, for the tests to assert on.</summary>
public sealed class InvocationLog
{
    private readonly ConcurrentQueue<Invocation> _entries = new();

    public void Add(string function, string detail) => _entries.Enqueue(new Invocation(function, detail));

    public IReadOnlyList<Invocation> Of(string function) => [.. _entries.Where(e => e.Function == function)];
}
