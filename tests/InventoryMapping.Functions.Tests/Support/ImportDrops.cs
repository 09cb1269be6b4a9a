using System.Text;
using System.Text.Json;
using InventoryMapping.Functions.Imports;
using InventoryMapping.Imports;
using InventoryMapping.Listings;
using InventoryMapping.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Functions.Tests.Support;

/// <summary>Drops import files into the imports container and runs their import as the blob trigger and the job queue would.</summary>
public sealed class ImportDrops(FunctionApi api)
{
    public const string Channel = "shop";

    public async Task<Dictionary<string, string>> SeedAsync(IEnumerable<string> listingSkus, IEnumerable<string> itemSkus)
    {
        await api.PutChannelAsync(Channel);
        foreach (var sku in listingSkus)
        {
            var put = await api.PutListingAsync(Channel, new { sku, title = "T" });
            Assert.True(put.Status is 200 or 201, put.ToString());
        }

        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sku in itemSkus)
        {
            var created = await api.CreateItemAsync(new { sku, title = "I" });
            Assert.Equal(201, created.Status);
            items[sku] = created.Json.GetProperty("itemId").GetString()!;
        }

        return items;
    }

    public Task DropAsync(string name, string csv) => DropAsync(name, new UTF8Encoding(false).GetBytes(csv));

    public async Task DropAsync(string name, byte[] bytes) =>
        await Imports.GetBlobClient($"{Channel}/{name}").UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);

    /// <summary>Drops a file streamed from <paramref name="content"/> (uploaded in blocks, never held whole).</summary>
    public async Task DropAsync(string name, Stream content) =>
        await Imports.GetBlobClient($"{Channel}/{name}").UploadAsync(content, overwrite: true);

    /// <summary>Fires the trigger for <c>{name}.csv</c> (as often as asked), runs the jobs, and answers the job's status.</summary>
    public async Task<JsonElement> ImportAsync(string name, int fires = 1, TimeSpan? timeout = null)
    {
        string? jobId = null;
        for (var i = 0; i < fires; i++)
        {
            await FireAsync(name);
            var started = await api.App.Get<ImportService>().StartFromBlobAsync(Channel, name, default);
            Assert.True(started.IsSuccess, started.Error?.Detail);
            Assert.True(jobId is null || jobId == started.Value.JobId, "the same version is one job");
            jobId = started.Value.JobId;
        }

        try
        {
            await api.DrainJobQueueAsync(timeout ?? TimeSpan.FromMinutes(3));
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException("The import did not finish: " + (await api.GetJobAsync(jobId!)).Body);
        }

        return (await api.GetJobAsync(jobId!)).Json;
    }

    /// <summary>The trigger function itself, as the host calls it.</summary>
    public async Task FireAsync(string name)
    {
        using var scope = api.App.Services.CreateScope();
        var functions = ActivatorUtilities.CreateInstance<ImportFunctions>(scope.ServiceProvider);
        await functions.BlobCreated(new MemoryStream(), Channel, name, default);
    }

    public async Task<string?> LinkedItemAsync(string sku)
    {
        var listing = (await api.GetListingAsync(Channel, ListingIds.FromSku(sku))).Json;
        return listing.TryGetProperty("linkedItem", out var item) ? item.GetProperty("itemId").GetString() : null;
    }

    public async Task<bool> IgnoreSyncAsync(string sku) =>
        (await api.GetListingAsync(Channel, ListingIds.FromSku(sku))).Json.GetProperty("ignoreSync").GetBoolean();

    /// <summary>The job's errors CSV (without its BOM), or null when it has none.</summary>
    public async Task<string?> ErrorsAsync(JsonElement job)
    {
        if (!job.GetProperty("import").TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var path = errors.GetString()!;
        var blob = api.App.Get<AppStorage>().Container(AppStorage.ImportResultsContainer).GetBlobClient(path[(AppStorage.ImportResultsContainer.Length + 1)..]);
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    public static long Count(JsonElement job, string counter) => job.GetProperty("result").GetProperty(counter).GetInt64();

    public static string Status(JsonElement job) => job.GetProperty("status").GetString()!;

    private Azure.Storage.Blobs.BlobContainerClient Imports => api.App.Get<AppStorage>().Container(AppStorage.ImportsContainer);
}
