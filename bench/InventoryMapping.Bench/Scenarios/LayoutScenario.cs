namespace InventoryMapping.Bench.Scenarios;

/// <summary>No storage: how N generated SKUs spread the suffix index over partitions (cheap even for N = 1,000,000).</summary>
public sealed class LayoutScenario : IBenchScenario
{
    public string Name => "layout";

    public bool NeedsStorage => false;

    public Task RunAsync(BenchHost host, BenchArgs args, CancellationToken cancellationToken)
    {
        BenchReport.Line("scenario", Name);
        BenchReport.Line("N (items)", args.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        SearchIndexLayout.Print(new SyntheticCatalog(args.Seed).Skus(args.N));
        return Task.CompletedTask;
    }
}
