namespace InventoryMapping.SpApi.Tests;

/// <summary>A measurement too slow for every run: skipped unless AMAZON_BENCH=1.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("AMAZON_BENCH") != "1")
        {
            Skip = "Benchmark: set AMAZON_BENCH=1 to run.";
        }
    }
}
