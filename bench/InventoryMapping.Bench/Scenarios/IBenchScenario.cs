namespace InventoryMapping.Bench.Scenarios;

/// <summary>One benchmark: sets up its data, measures the app and its raw baseline, prints the figures.</summary>
public interface IBenchScenario
{
    string Name { get; }

    /// <summary>False for scenarios that only compute or start a host of their own: they get none (a null host).</summary>
    bool NeedsStorage => true;

    Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken);
}
