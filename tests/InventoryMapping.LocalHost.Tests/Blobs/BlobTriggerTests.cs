using System.Text.Json;
using Azure.Storage.Queues;

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

    [Fact]
    public async Task A_blob_that_keeps_failing_is_reported_on_the_poison_queue_and_not_retried()
    {
        await using var host = await SampleHost.StartAsync();
        var poison = new QueueClient(host.Settings.ConnectionString, "webjobs-blobtrigger-poison",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        await host.Container.UploadBlobAsync("1-bad.csv", BinaryData.FromString("fail"));
        await Eventually.HoldsAsync(async () => (await PoisonedAsync(poison, host.Settings.ContainerName)).Count == 1, "the blob was reported");
        await host.Container.UploadBlobAsync("2-good.csv", BinaryData.FromString("ok"));
        await Eventually.HoldsAsync(() => host.Log.Of("Dropped").Any(i => i.Detail == "2-good.csv|ok"), "a later blob was delivered");

        // The sample's host.json sets poisonBlobThreshold to 2.
        Assert.Equal(["1-bad.csv|fail", "1-bad.csv|fail", "2-good.csv|ok"], host.Log.Of("Dropped").Select(i => i.Detail));
        Assert.Equal("1-bad.csv", (await PoisonedAsync(poison, host.Settings.ContainerName))[0].GetProperty("BlobName").GetString());
    }

    // The poison queue is shared by every blob function of the account: this test's entries are those of its container.
    private static async Task<List<JsonElement>> PoisonedAsync(QueueClient poison, string container)
    {
        if (!await poison.ExistsAsync())
        {
            return [];
        }

        var messages = (await poison.PeekMessagesAsync(maxMessages: 32)).Value;
        return [.. messages
            .Select(m => JsonSerializer.Deserialize<JsonElement>(m.Body))
            .Where(m => m.GetProperty("ContainerName").GetString() == container)];
    }
}
