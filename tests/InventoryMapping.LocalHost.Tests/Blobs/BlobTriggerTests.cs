namespace InventoryMapping.LocalHost.Tests.Blobs;

public sealed class BlobTriggerTests
{
    [Fact]
    public async Task A_blob_dropped_in_the_container_is_delivered_once_with_its_name()
    {
        await using var host = await SampleHost.StartAsync();

        await host.Container.UploadBlobAsync("1-first.csv", BinaryData.FromString("a,b"));
        await Eventually.HoldsAsync(() => host.Log.Of("Dropped").Count == 1, "the first blob was delivered");
        // The container is scanned in name order: once the second blob is in, the first has been seen again.
        await host.Container.UploadBlobAsync("2-second.csv", BinaryData.FromString("c,d"));
        await Eventually.HoldsAsync(() => host.Log.Of("Dropped").Count == 2, "the second blob was delivered");

        Assert.Equal(["1-first.csv|a,b", "2-second.csv|c,d"], host.Log.Of("Dropped").Select(i => i.Detail));
    }

    [Fact]
    public async Task A_delivered_blob_is_not_delivered_again_after_a_restart()
    {
        var settings = await SampleSettings.CreateAsync();
        await using (var first = await SampleHost.StartAsync(settings))
        {
            await first.Container.UploadBlobAsync("1-first.csv", BinaryData.FromString("a,b"));
            await Eventually.HoldsAsync(() => first.Log.Of("Dropped").Count == 1, "the blob was delivered");
        }

        await using var second = await SampleHost.StartAsync(settings);
        await second.Container.UploadBlobAsync("2-second.csv", BinaryData.FromString("c,d"));
        await Eventually.HoldsAsync(() => second.Log.Of("Dropped").Count >= 1, "the restarted host delivered the new blob");

        Assert.Equal(["2-second.csv|c,d"], second.Log.Of("Dropped").Select(i => i.Detail));
    }

    [Fact]
    public async Task A_changed_blob_is_delivered_again()
    {
        await using var host = await SampleHost.StartAsync();
        var blob = host.Container.GetBlobClient("report.csv");

        await blob.UploadAsync(BinaryData.FromString("v1"));
        await Eventually.HoldsAsync(() => host.Log.Of("Dropped").Count == 1, "the first version was delivered");
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);
        await Eventually.HoldsAsync(() => host.Log.Of("Dropped").Count == 2, "the second version was delivered");

        Assert.Equal(["report.csv|v1", "report.csv|v2"], host.Log.Of("Dropped").Select(i => i.Detail));
    }
}
