using InventoryMapping.Bench;
using InventoryMapping.Bench.Scenarios;

IBenchScenario[] scenarios = [new SeedScenario(), new ImportScenario(), new LinkAllScenario(), new SearchScenario(), new SearchIndexScenario(), new SummaryScenario(), new IngestScenario(), new ExportScenario(), new ForceUpdateScenario(), new DeltaSyncScenario()];
var parsed = BenchArgs.Parse(args);
var scenario = scenarios.FirstOrDefault(s => s.Name == parsed?.Scenario);
if (parsed is null || scenario is null)
{
    Console.Error.WriteLine(BenchArgs.Usage);
    return 2;
}

if (!scenario.NeedsStorage)
{
    await scenario.RunAsync(null!, parsed, CancellationToken.None);
    return 0;
}

await using var host = await BenchHost.StartAsync();
BenchReport.Progress($"{scenario.Name}: N={parsed.N:N0}, storage prefix {host.Prefix}");
await scenario.RunAsync(host, parsed, CancellationToken.None);
return 0;
