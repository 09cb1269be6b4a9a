using System.Diagnostics.Metrics;
using System.Text;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Testing;
using Xunit.Abstractions;

namespace InventoryMapping.Functions.Tests;

/// <summary>A 200 MB import file, generated while it is uploaded, imports in bounded memory.</summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class ImportLargeFileTests(ITestOutputHelper output) : ApiTest
{
    private const int Rows = 20_000;
    private const int Listings = 20;
    private const int NotesChars = 10_480;

    [Fact]
    public async Task A_200_MB_file_imports_holding_only_its_mapped_cells_in_memory()
    {
        var skus = Enumerable.Range(0, Listings).Select(i => $"S{i:D2}").ToList();
        var items = await new ImportDrops(Api).SeedAsync(skus, skus.Select(s => "item-" + s));
        var file = GeneratedCsv();
        await new ImportDrops(Api).DropAsync("large.csv", file);
        Assert.True(file.Position > 200_000_000, $"the file is {file.Position:N0} bytes");

        // What each page of this job holds, and the live heap (after a full collection) at each page's end.
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long largestPage = 0, peakHeap = 0, pages = 0;
        string? jobId = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InventoryMapping.Telemetry.SourceName && instrument.Name == "inventorymapping.import.page_characters")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, characters, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "job.id" && (string?)tag.Value == Volatile.Read(ref jobId))
                {
                    Interlocked.Increment(ref pages);
                    largestPage = Math.Max(largestPage, characters);
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }
            }
        });
        listener.Start();
        Volatile.Write(ref jobId, InventoryMapping.Jobs.JobIds.For($"import\n{ImportDrops.Channel}/large.csv\n{await ETagAsync()}"));

        var job = await new ImportDrops(Api).ImportAsync("large", timeout: TimeSpan.FromMinutes(10));

        output.WriteLine($"{file.Position:N0} bytes, {pages} pages read, largest page {largestPage:N0} characters, peak live heap growth {peakHeap / 1048576.0:N1} MiB");
        Assert.Equal("succeeded", ImportDrops.Status(job));
        Assert.Equal(Rows, ImportDrops.Count(job, "rows"));
        Assert.Equal(Listings, ImportDrops.Count(job, "applied"));
        Assert.Equal(Rows - Listings, ImportDrops.Count(job, "unchanged"));
        Assert.Equal(Rows, job.GetProperty("progress").GetProperty("done").GetInt64());
        Assert.Equal(Rows, job.GetProperty("progress").GetProperty("total").GetInt64());
        Assert.Equal(items["item-S07"], await new ImportDrops(Api).LinkedItemAsync("S07"));
        // Four validation pages and the first one again (the others have nothing to apply); only the two short
        // SKU cells of each row are held, not its 10 KB note (which, held to the cell limit, would be 5 M characters a page).
        Assert.Equal(5, pages);
        Assert.True(largestPage <= ImportMappingPageRows * 16, $"a page held {largestPage:N0} characters");
        Assert.True(peakHeap < 64L * 1024 * 1024, $"the live heap grew by {peakHeap:N0} bytes while importing a {file.Position:N0}-byte file");
    }

    private const int ImportMappingPageRows = 5_000;

    private async Task<string> ETagAsync() =>
        (await App.Get<InventoryMapping.Storage.AppStorage>().Container(InventoryMapping.Storage.AppStorage.ImportsContainer)
            .GetBlobClient($"{ImportDrops.Channel}/large.csv").GetPropertiesAsync()).Value.ETag.ToString();

    /// <summary>
    /// The file, made as it is read: a header, then rows naming the same 20 listings over and over (all but their
    /// first rows change nothing), each with a quoted note of ~10 KB in an unmapped column, holding delimiters,
    /// doubled quotes and, every 100th row, a line break.
    /// </summary>
    private static GeneratedStream GeneratedCsv()
    {
        var note = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("lorem, \"\"ipsum\"\" dolor; ", NotesChars / 25)));
        var current = Encoding.ASCII.GetBytes("ChannelSku,LinkedItemSku,Notes\r\n");
        var offset = 0;
        var row = 0;
        return new GeneratedStream((_, buffer) =>
        {
            if (offset == current.Length)
            {
                if (row == Rows)
                {
                    return 0;
                }

                var lineBreak = row % 100 == 99 ? "\n" : "";
                current = [.. Encoding.ASCII.GetBytes($"S{row % Listings:D2},item-S{row % Listings:D2},\"{lineBreak}"), .. note, .. "\"\r\n"u8];
                offset = 0;
                row++;
            }

            var n = Math.Min(buffer.Length, current.Length - offset);
            current.AsSpan(offset, n).CopyTo(buffer);
            offset += n;
            return n;
        });
    }
}
