using System.Diagnostics;
using InventoryMapping.AmazonSandbox;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.ListingReports;
using Xunit.Abstractions;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// 20 channels, 5 of them in trouble of five kinds: the 15 healthy channels are ingested in no more collect runs than
/// when no channel is in trouble. Wall-clock times go to the test output for docs/benchmarks.md; nothing asserts on them.
/// </summary>
public sealed class CollectIsolationTests(ITestOutputHelper output)
{
    private const int Channels = 20;
    private const int Faulty = 5;

    [Fact]
    public async Task Five_faulty_channels_of_twenty_do_not_delay_the_fifteen_healthy_ones()
    {
        // The faulty world first: warm-up (JIT, tables) then counts against it, not for it.
        var (faultyRuns, faultyTime) = await CollectAsync(faulty: true);
        var (healthyRuns, healthyTime) = await CollectAsync(faulty: false);

        output.WriteLine($"no faulty channel: {healthyRuns} collect runs, {healthyTime.TotalMilliseconds:F0} ms; " +
            $"{Faulty} faulty: {faultyRuns} runs, {faultyTime.TotalMilliseconds:F0} ms; ratio {faultyTime / healthyTime:F2}");
        Assert.True(faultyRuns <= healthyRuns, $"{faultyRuns} collect runs with faulty channels, {healthyRuns} without.");
    }

    /// <summary>Collect runs (one a minute of Amazon time) and wall time until the 15 healthy channels are ingested.</summary>
    private async Task<(int Runs, TimeSpan Elapsed)> CollectAsync(bool faulty)
    {
        var catalogue = Enumerable.Range(0, 200).Select(i => new SandboxListing($"ISO-{i:D4}", $"Listing {i}", "B0ISO00001", 9.99m, 3)).ToList();
        await using var world = await AmazonWorld.StartAsync(catalogue, otherChannels: Channels - 1);
        var troubled = Enumerable.Range(Channels - Faulty, Faulty).ToList(); // shop-15 … shop-19
        if (faulty)
        {
            SandboxFault[] faults =
            [
                new("getReportDocument", SandboxFaultKind.Throttle, SellerId: AmazonWorld.OtherSeller(troubled[0])),
                new("getReport", SandboxFaultKind.UnknownStatus, SellerId: AmazonWorld.OtherSeller(troubled[1])),
                new("getReportDocument", SandboxFaultKind.RelativeDocumentUrl, SellerId: AmazonWorld.OtherSeller(troubled[2])),
                new("download", SandboxFaultKind.TruncatedBody, SellerId: AmazonWorld.OtherSeller(troubled[3])),
                new("getReport", SandboxFaultKind.Unavailable, SellerId: AmazonWorld.OtherSeller(troubled[4])),
            ];
            foreach (var fault in faults)
            {
                world.Amazon.AddFault(fault);
            }
        }

        var healthy = new List<string> { AmazonWorld.ChannelId };
        healthy.AddRange(Enumerable.Range(1, Channels - 1 - Faulty).Select(AmazonWorld.OtherChannel));
        await world.RequestTimerAsync();
        var clock = Stopwatch.StartNew();
        for (var run = 1; run <= 60; run++)
        {
            try
            {
                await world.CollectTimerAsync();
            }
            catch (AggregateException)
            {
                // A channel's failure is reported by the run after all others were worked.
            }

            var done = 0;
            foreach (var id in healthy)
            {
                done += (await world.App.Get<ReportRequestStore>().GetLatestAsync(id, world.Timeout))?.Status == ReportRequestStatus.Ingested ? 1 : 0;
            }

            if (done == healthy.Count)
            {
                return (run, clock.Elapsed);
            }

            world.App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        throw new TimeoutException("The healthy channels were not ingested within 60 collect runs.");
    }
}
