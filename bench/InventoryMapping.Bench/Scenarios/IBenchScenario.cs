namespace InventoryMapping.Bench.Scenarios;

/// <summary>One benchmark: sets up its data, measures the app and its raw baseline, prints the figures.</summary>
public interface IBenchScenario
{
    string Name { get; }

    Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken);
}
