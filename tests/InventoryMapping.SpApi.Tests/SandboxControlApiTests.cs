using System.Net;
using System.Net.Http.Json;
using InventoryMapping.AmazonSandbox;

namespace InventoryMapping.SpApi.Tests;

public sealed class SandboxControlApiTests
{
    [Fact]
    public async Task Control_api_over_http_replaces_listings_and_injects_faults()
    {
        await using var amazon = await SandboxedSpApi.StartAsync();
        using var http = new HttpClient { BaseAddress = amazon.Sandbox.BaseUri };

        using var listed = await http.PutAsJsonAsync(
            $"_sandbox/sellers/{SandboxedSpApi.SellerId}/listings",
            new[] { new SandboxListing("VIA-HTTP", "Über HTTP", "B0HTTP0001", 1.5m, 4) },
            amazon.Timeout);
        using var faulted = await http.PostAsync(
            "_sandbox/faults",
            JsonContent.Create(new { operation = "getReportDocument", kind = "Unavailable", times = 2 }),
            amazon.Timeout);
        var rows = await amazon.DownloadListingsAsync();
        var counts = await http.GetFromJsonAsync<Dictionary<string, int>>("_sandbox/requests", amazon.Timeout);

        Assert.Equal(HttpStatusCode.NoContent, listed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, faulted.StatusCode);
        Assert.Equal("Über HTTP", Assert.Single(rows).Title);
        Assert.Equal(3, counts!["getReportDocument"]);
    }

    [Fact]
    public async Task Seed_file_fills_the_catalogue_by_header_name()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"listings-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(seed, "status\tseller-sku\tquantity\titem-name\tfulfillment-channel\nActive\tSEED 1/2\t\tFBA Becher\tAMAZON_EU\nInactive\tSEED-2\t9\tTasse\tDEFAULT\n");
        try
        {
            await using var amazon = await SandboxedSpApi.StartAsync(o => o.Sellers[0].SeedFile = seed);

            var rows = await amazon.DownloadListingsAsync();

            Assert.Equal(["SEED 1/2", "SEED-2"], rows.Select(r => r.Sku));
            Assert.True(rows[0].IsFba);
            Assert.Null(rows[0].Quantity);
            Assert.Equal(("Inactive", 9), (rows[1].Status, rows[1].Quantity));
        }
        finally
        {
            File.Delete(seed);
        }
    }
}
