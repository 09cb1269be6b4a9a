using System.Text.Json;
using Azure.Storage.Queues;
using InventoryMapping.LocalHost.SampleFunctions;

namespace InventoryMapping.LocalHost.Tests.Queues;

public sealed class QueueTriggerTests : IAsyncLifetime
{
    private SampleHost _host = null!;

    public async Task InitializeAsync() => _host = await SampleHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_message_is_delivered_once_as_json_with_its_properties_as_binding_data_and_then_deleted()
    {
        await _host.Queue.SendMessageAsync(JsonSerializer.Serialize(new SampleMessage("first", Fail: false)));
        await _host.Queue.SendMessageAsync(JsonSerializer.Serialize(new SampleMessage("second", Fail: false)));

        await Eventually.HoldsAsync(() => _host.Log.Of("Queued").Count == 2, "both messages were delivered");
        await Eventually.HoldsAsync(async () => !await HasMessagesAsync(_host.Queue), "the queue was emptied");
        Assert.Equal(["first|first|1", "second|second|1"], _host.Log.Of("Queued").Select(i => i.Detail).Order());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_moves_to_the_poison_queue_after_max_dequeue_count()
    {
        await _host.Queue.SendMessageAsync(JsonSerializer.Serialize(new SampleMessage("bad", Fail: true)));
        var poison = new QueueClient(_host.Settings.ConnectionString, _host.Settings.QueueName + "-poison",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        await Eventually.HoldsAsync(async () => await poison.ExistsAsync() && await HasMessagesAsync(poison), "the message was poisoned");

        // The sample's host.json sets maxDequeueCount to 3.
        Assert.Equal(["bad|bad|1", "bad|bad|2", "bad|bad|3"], _host.Log.Of("Queued").Select(i => i.Detail));
        var poisoned = (await poison.ReceiveMessageAsync()).Value;
        Assert.Equal("bad", JsonSerializer.Deserialize<SampleMessage>(poisoned.Body)!.Text);
        // Copied to the poison queue first, then deleted from its own.
        await Eventually.HoldsAsync(async () => !await HasMessagesAsync(_host.Queue), "the message left its queue");
    }

    private static async Task<bool> HasMessagesAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0;
}
