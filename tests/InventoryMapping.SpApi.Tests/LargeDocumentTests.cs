using System.Diagnostics;
using InventoryMapping.AmazonSandbox;
using Xunit.Abstractions;

namespace InventoryMapping.SpApi.Tests;

[Collection(nameof(MemoryMeasurement))]
public sealed class LargeDocumentTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Large_generated_document_streams_with_bounded_memory()
    {
        var measured = await StreamListingsAsync(200_000, new SandboxDocumentFormat(Gzip: true));

        Assert.Equal(200_000, measured.Rows);
        // Held whole, the decoded text alone would be twice its character count in bytes.
        Assert.True(measured.Characters > 30_000_000, $"only {measured.Characters} characters");
        Assert.True(measured.PeakLiveBytes < 16 * 1024 * 1024, $"peak live heap grew by {measured.PeakLiveBytes:N0} bytes");
    }

    [BenchmarkFact]
    public async Task Million_row_document_streams_through_the_client()
    {
        var measured = await StreamListingsAsync(1_000_000, new SandboxDocumentFormat(Gzip: true));

        Assert.Equal(1_000_000, measured.Rows);
    }

    private async Task<Measurement> StreamListingsAsync(int count, SandboxDocumentFormat format)
    {
        await using var amazon = await SandboxedSpApi.StartAsync(o => o.DocumentFormat = format);
        amazon.Control.ReplaceCatalogue(SandboxedSpApi.SellerId, SandboxCatalogue.Generated(count, seed: 11));
        var reportId = await amazon.Client.CreateReportAsync(ReportTypes.MerchantListingsAllData, [SandboxedSpApi.Germany], amazon.Timeout);
        var report = await amazon.WaitUntilFinishedAsync(reportId);
        var document = await amazon.Client.GetReportDocumentAsync(report.ReportDocumentId!, amazon.Timeout);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        long rows = 0, characters = 0, peak = 0;
        await foreach (var row in amazon.Client.ReadAllListingsAsync(document, cancellationToken: CancellationToken.None))
        {
            rows++;
            characters += row.Sku.Length + (row.Title?.Length ?? 0) + 150;
            if (rows % (count / 8) == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        stopwatch.Stop();
        output.WriteLine($"{rows:N0} rows, ~{characters / 1_000_000:N0} M chars, {stopwatch.Elapsed.TotalSeconds:N1} s (with 8 forced full GCs), peak live heap growth {peak / 1048576.0:N2} MiB, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB");
        return new Measurement(rows, characters, peak);
    }

    private sealed record Measurement(long Rows, long Characters, long PeakLiveBytes);
}
